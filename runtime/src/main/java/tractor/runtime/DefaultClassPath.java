package tractor.runtime;

import java.util.function.Supplier;
import tractor.spawn.spi.ChildHandle;
import tractor.spawn.spi.SpawnBackend;
import tractor.spawn.spi.SpawnRequest;

/**
 * A spawn backend whose requests get a {@code classPath} option when they have none: inside an OSGi
 * framework this JVM's {@code java.class.path} is not where tractor's classes come from, so the runtime
 * gives child JVMs the bundles' files instead. Backends that start no JVM ignore the option.
 *
 * @param backend   the backend that spawns
 * @param classPath computed on every spawn (bundles come and go)
 */
record DefaultClassPath(SpawnBackend backend, Supplier<String> classPath) implements SpawnBackend {
    @Override
    public String name() {
        return backend.name();
    }

    @Override
    public ChildHandle spawn(SpawnRequest request) {
        if (request.options().containsKey(OsgiSpawnProviders.CLASS_PATH)) return backend.spawn(request);
        return backend.spawn(request.withOption(OsgiSpawnProviders.CLASS_PATH, classPath.get()));
    }

    @Override
    public void close() {
        backend.close();
    }

    @Override
    public String toString() {
        return backend + " (class path of child JVMs: the bundles' files)";
    }
}
