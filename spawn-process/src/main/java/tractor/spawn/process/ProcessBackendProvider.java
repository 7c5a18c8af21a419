package tractor.spawn.process;

import tractor.spawn.spi.SpawnBackend;
import tractor.spawn.spi.SpawnBackendProvider;

/**
 * Provides the {@code process} spawn backend: each child actor is a new JVM started with the same
 * {@code java} binary, module path or class path as this one. Found by {@link java.util.ServiceLoader}
 * ({@code provides} in {@code module-info}, and {@code META-INF/services} for the class path).
 *
 * {@snippet :
 * try (SpawnBackend backend = new ProcessBackendProvider().create()) {
 *     ChildHandle child = backend.spawn(SpawnRequest.of("worker_1", uuid,
 *             new ChildEntry("app", "app.ChildMain", null), List.of("--parent", address)));
 *     int status = child.onExit().join(); // the child's lines arrive on System.out as "[worker_1] ..."
 * }
 * }
 *
 * @see tractor.spawn.process
 */
public final class ProcessBackendProvider implements SpawnBackendProvider {
    /** The name this backend is selected by. */
    public static final String NAME = "process";

    /** Creates the provider (called by {@link java.util.ServiceLoader}). */
    public ProcessBackendProvider() {}

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public SpawnBackend create() {
        return new ProcessBackend();
    }

    @Override
    public String toString() {
        return "ProcessBackendProvider[" + NAME + "]";
    }
}
