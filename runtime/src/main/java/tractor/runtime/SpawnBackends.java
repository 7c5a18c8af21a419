package tractor.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentHashMap;
import tractor.RuntimeFailure;
import tractor.spawn.spi.SpawnBackend;
import tractor.spawn.spi.SpawnBackendProvider;

/**
 * The spawn backends of one actor, found by name through {@link ServiceLoader} and created on first
 * use; closed with the actor. A broken provider is reported in one line and skipped.
 */
final class SpawnBackends implements AutoCloseable {
    /** The environment variable that picks the backend when no option does (tractor's {@code TRACTOR_SPAWN_METHOD}). */
    static final String ENV = "TRACTOR_SPAWN_METHOD";
    static final String DEFAULT = "process";

    private final ClassLoader loader;
    private final Map<String, SpawnBackend> open = new ConcurrentHashMap<>();

    SpawnBackends(ClassLoader loader) {
        this.loader = loader;
    }

    /** The backend name an option, else the environment, else the default selects. */
    static String select(String option) {
        if (option != null && !option.isBlank()) return option;
        String env = System.getenv(ENV);
        return env != null && !env.isBlank() ? env : DEFAULT;
    }

    SpawnBackend get(String name) {
        return open.computeIfAbsent(name, this::create);
    }

    private SpawnBackend create(String name) {
        List<String> known = new ArrayList<>();
        SpawnBackendProvider chosen = null;
        var it = ServiceLoader.load(SpawnBackendProvider.class, loader).iterator();
        while (true) {
            SpawnBackendProvider p;
            String pName;
            try {
                if (!it.hasNext()) break;
                p = it.next();
                pName = p.name();
            } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
                Log.warn("spawn", "skipping a broken spawn backend provider: " + e.getMessage()
                        + "; remove its jar or fix its provides / META-INF/services entry");
                continue;
            }
            if (known.contains(pName)) {
                Log.warn("spawn", "spawn backend provider " + p.getClass().getName() + " skipped: the name \"" + pName
                        + "\" is already taken by another provider; remove one of the two jars");
                continue;
            }
            known.add(pName);
            if (pName.equals(name)) chosen = p;
        }
        if (chosen == null) {
            throw new RuntimeFailure("no spawn backend named \"" + name + "\" (found: " + known
                    + "); put its module on the module path or class path, or choose another with the spawnBackend option or " + ENV);
        }
        try {
            return chosen.create();
        } catch (RuntimeException | LinkageError e) {
            throw new RuntimeFailure("spawn backend \"" + name + "\" (" + chosen.getClass().getName() + ") failed to start: " + e
                    + "; fix or remove that provider", e);
        }
    }

    @Override
    public void close() {
        open.values().forEach(b -> {
            try {
                b.close();
            } catch (RuntimeException e) {
                Log.warn("spawn", "closing backend " + b.name() + " failed: " + e);
            }
        });
        open.clear();
    }
}
