package tractor.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import tractor.RuntimeFailure;
import tractor.spawn.spi.SpawnBackend;
import tractor.spawn.spi.SpawnBackendProvider;

/**
 * The spawn backends of one actor, found by name and created on first use; closed with the actor. The
 * providers come from {@link java.util.ServiceLoader}, or from the OSGi service registry when the runtime
 * runs as a started bundle. An open backend whose provider was withdrawn (its bundle stopped) is looked up
 * again at the next spawn; the withdrawn one is retired, not closed: the children it started run on under
 * this actor's supervision, and it is closed with the actor. A broken provider is reported in one line and skipped.
 */
final class SpawnBackends implements AutoCloseable {
    /** The environment variable that picks the backend when no option does (tractor's {@code TRACTOR_SPAWN_METHOD}). */
    static final String ENV = "TRACTOR_SPAWN_METHOD";
    static final String DEFAULT = "process";

    private final SpawnProviders providers;
    private final Map<String, Open> open = new ConcurrentHashMap<>();
    private final List<Open> retired = new CopyOnWriteArrayList<>();

    SpawnBackends(ClassLoader loader) {
        this(sourceFor(loader));
    }

    SpawnBackends(SpawnProviders providers) {
        this.providers = providers;
    }

    /** The OSGi registry when the runtime is a started bundle, else {@code ServiceLoader} with {@code loader}. */
    static SpawnProviders sourceFor(ClassLoader loader) {
        SpawnProviders osgi = OsgiPresence.AVAILABLE ? OsgiSpawnProviders.ofRuntimeBundle() : null;
        return osgi != null ? osgi : new LoaderSpawnProviders(loader);
    }

    /** The backend name an option, else the environment, else the default selects. */
    static String select(String option) {
        if (option != null && !option.isBlank()) return option;
        String env = System.getenv(ENV);
        return env != null && !env.isBlank() ? env : DEFAULT;
    }

    /**
     * The open backend of that name, created if needed.
     *
     * @throws RuntimeFailure if no provider has that name, or its {@code create()} fails
     */
    SpawnBackend get(String name) {
        Open o = open.get(name);
        if (o != null && o.offer().withdrawn() && open.remove(name, o)) {
            Log.info("spawn", "spawn backend \"" + name + "\" was withdrawn (its bundle stopped): looked up again; the children"
                    + " it started run on and it is closed with this actor");
            retired.add(o);
        }
        return open.computeIfAbsent(name, this::create).backend();
    }

    private Open create(String name) {
        List<String> known = new ArrayList<>();
        SpawnProviders.Offer chosen = null;
        for (SpawnProviders.Offer offer : providers.offers(m -> Log.warn("spawn", m))) {
            SpawnBackendProvider p = offer.provider();
            String pName = p.name();
            if (known.contains(pName)) {
                Log.warn("spawn", "spawn backend provider " + p.getClass().getName() + " skipped: the name \"" + pName
                        + "\" is already taken by another provider; remove one of the two jars");
            } else {
                known.add(pName);
                if (pName.equals(name) && chosen == null) {
                    chosen = offer;
                    continue;
                }
            }
            offer.release();
        }
        if (chosen == null) {
            throw new RuntimeFailure("no spawn backend named \"" + name + "\" (found: " + known + "); "
                    + providers.missingHint() + ", or choose another with the spawnBackend option or " + ENV);
        }
        return start(name, chosen);
    }

    private Open start(String name, SpawnProviders.Offer chosen) {
        try {
            return new Open(chosen, providers.adapt(chosen.provider().create()));
        } catch (RuntimeException | LinkageError e) {
            chosen.release();
            throw new RuntimeFailure("spawn backend \"" + name + "\" (" + chosen.provider().getClass().getName()
                    + ") failed to start: " + e + "; fix or remove that provider", e);
        }
    }

    @Override
    public void close() {
        open.values().forEach(Open::close);
        open.clear();
        retired.forEach(Open::close);
        retired.clear();
    }

    @Override
    public String toString() {
        return "SpawnBackends" + open.keySet() + " from " + providers;
    }

    /** A backend in use and the offer of the provider that created it. */
    private record Open(SpawnProviders.Offer offer, SpawnBackend backend) {
        void close() {
            try {
                backend.close();
            } catch (RuntimeException e) {
                Log.warn("spawn", "closing backend " + backend.name() + " failed: " + e);
            } finally {
                offer.release();
            }
        }
    }
}
