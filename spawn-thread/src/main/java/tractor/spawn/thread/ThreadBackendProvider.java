package tractor.spawn.thread;

import tractor.spawn.spi.SpawnBackend;
import tractor.spawn.spi.SpawnBackendProvider;

/**
 * Provides the {@code thread} spawn backend: each child actor runs on its own thread of this JVM,
 * through {@link tractor.spawn.spi.ChildEntry#inJvm()}, or, with the request option
 * {@code classLoader=isolated}, through its {@code main} class loaded afresh so that no static state
 * is shared with the parent.
 *
 * {@snippet :
 * try (SpawnBackend backend = new ThreadBackendProvider().create()) {
 *     ChildHandle child = backend.spawn(SpawnRequest.of("worker_1", uuid, entry, args)
 *             .withOption("classLoader", "isolated"));
 *     int status = child.onExit().join(); // 0 when the entry returned, 1 when it threw
 * }
 * }
 *
 * @see tractor.spawn.thread
 */
public final class ThreadBackendProvider implements SpawnBackendProvider {
    /** The name this backend is selected by. */
    public static final String NAME = "thread";

    /** Creates the provider (called by {@link java.util.ServiceLoader}). */
    public ThreadBackendProvider() {}

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public SpawnBackend create() {
        return new ThreadBackend();
    }

    @Override
    public String toString() {
        return "ThreadBackendProvider[" + NAME + "]";
    }
}
