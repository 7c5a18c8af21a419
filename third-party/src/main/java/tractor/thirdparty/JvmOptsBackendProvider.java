package tractor.thirdparty;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import tractor.spawn.spi.ChildHandle;
import tractor.spawn.spi.SpawnBackend;
import tractor.spawn.spi.SpawnBackendProvider;
import tractor.spawn.spi.SpawnException;
import tractor.spawn.spi.SpawnRequest;

/**
 * The {@code jvmopts} spawn backend: a child JVM started by the provider named {@code process} (found
 * through {@link ServiceLoader}; its classes are never imported), with {@link #OPTIONS} and the options of
 * the system property {@value #PROPERTY} (space separated) added to the request's JVM options.
 *
 * {@snippet :
 * Tractor.openNursery(RootOptions.of().spawnBackend("jvmopts"), an -> an.runInActor("w", Work::run).result());
 * }
 */
public final class JvmOptsBackendProvider implements SpawnBackendProvider {
    /** Extra JVM options every child of this backend gets, space separated. */
    public static final String PROPERTY = "tractor.jvmopts";
    /** The options always added: they mark the child, so that it can tell which backend started it. */
    public static final List<String> OPTIONS = List.of("-Dtractor.thirdparty.backend=jvmopts", "-Xss1m");

    /** Used by {@link ServiceLoader}. */
    public JvmOptsBackendProvider() {}

    @Override
    public String name() {
        return "jvmopts";
    }

    @Override
    public SpawnBackend create() {
        var it = ServiceLoader.load(SpawnBackendProvider.class, JvmOptsBackendProvider.class.getClassLoader()).iterator();
        while (true) {
            try {
                if (!it.hasNext()) break;
                SpawnBackendProvider p = it.next();
                if (p.name().equals("process")) return new Wrapped(p.create());
            } catch (java.util.ServiceConfigurationError e) {
                // another broken provider: the runtime reports it; it does not hide "process"
            }
        }
        throw new SpawnException("spawn backend \"jvmopts\" wraps the \"process\" backend, which was not found: "
                + "put tractor-spawn-process on the module path or class path");
    }

    private record Wrapped(SpawnBackend delegate) implements SpawnBackend {
        @Override
        public String name() {
            return "jvmopts";
        }

        @Override
        public ChildHandle spawn(SpawnRequest r) {
            List<String> jvm = new ArrayList<>(OPTIONS);
            String extra = System.getProperty(PROPERTY, "").strip();
            if (!extra.isEmpty()) jvm.addAll(List.of(extra.split("\\s+")));
            jvm.addAll(r.jvmOptions());
            return delegate.spawn(new SpawnRequest(r.actorName(), r.actorUuid(), r.entry(), r.args(), r.environment(), jvm, r.options()));
        }

        @Override
        public void close() {
            delegate.close();
        }

        @Override
        public String toString() {
            return "jvmopts backend over " + delegate.name();
        }
    }
}
