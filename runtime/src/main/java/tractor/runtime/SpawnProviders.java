package tractor.runtime;

import java.util.List;
import java.util.function.Consumer;
import tractor.spawn.spi.SpawnBackend;
import tractor.spawn.spi.SpawnBackendProvider;

/**
 * Where the spawn backend providers of a runtime come from: {@link java.util.ServiceLoader} on the module path and
 * the class path ({@link LoaderSpawnProviders}), the OSGi service registry when the runtime runs as a
 * started bundle ({@link OsgiSpawnProviders}). Asked again on every spawn whose backend is not open yet.
 */
interface SpawnProviders {
    /** The providers offered now, in discovery order; broken ones are reported in one line and skipped. */
    List<Offer> offers(Consumer<String> report);

    /** What a user does to make a missing backend appear, for the "no spawn backend named" error. */
    String missingHint();

    /**
     * The backend the runtime uses in place of {@code backend}, which a provider of this source created.
     *
     * @implSpec returns {@code backend} itself
     */
    default SpawnBackend adapt(SpawnBackend backend) {
        return backend;
    }

    /** One provider on offer; {@link #withdrawn()} once its bundle stopped (OSGi). */
    interface Offer {
        SpawnBackendProvider provider();

        /** Whether the provider was taken back since it was offered (its OSGi service unregistered). */
        default boolean withdrawn() {
            return false;
        }

        /** Tells the source the provider is no longer used (an OSGi {@code ungetService}). */
        default void release() {}
    }
}
