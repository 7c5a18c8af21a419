package tractor.spawn.spi;

/**
 * The service a spawn backend module provides ({@code provides tractor.spawn.spi.SpawnBackendProvider
 * with ...} in its {@code module-info}, and the same line in {@code META-INF/services} for the class path
 * and OSGi). Found by name; the runtime reports a broken provider in one line and skips it.
 *
 * {@snippet :
 * public final class ProcessBackendProvider implements SpawnBackendProvider {
 *     public String name() { return "process"; }
 *     public SpawnBackend create() { return new ProcessBackend(); }
 * }
 * }
 */
public interface SpawnBackendProvider {
    /** The short name users select the backend by ({@code process}, {@code thread}, ...). */
    String name();

    /** A new backend instance for one runtime. */
    SpawnBackend create();
}
