package tractor;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How to open the root actor of a program. Immutable; {@code with*} methods return copies.
 *
 * @param name            the root actor's name
 * @param enabled         binary names of the classes peers may invoke in the root
 * @param spawnBackend    the default spawn backend of its nurseries, or null: then the
 *                        {@code TRACTOR_SPAWN_METHOD} environment variable, else {@code process}
 * @param transport       the transport every actor of the tree uses ({@code tcp} or {@code uds})
 * @param registryAddress where to find or become the registrar, or null for the transport's default
 *                        ({@code tcp://127.0.0.1:1616}, {@code uds://<runtime dir>/registry@1616.sock}); a
 *                        TCP port 0 makes this root the registrar on a free port
 * @param ensureRegistry  demand that this root becomes the registrar (fails when one answers)
 * @param logLevel        log level, or null for the default
 * @param teardown        the teardown ladder's timeouts
 */
public record RootOptions(String name, List<String> enabled, String spawnBackend, String transport, String registryAddress,
                          boolean ensureRegistry, String logLevel, Teardown teardown) {
    public RootOptions {
        Objects.requireNonNull(name, "name");
        enabled = List.copyOf(enabled);
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(teardown, "teardown");
    }

    /** A root named {@code root} on TCP with the default registry address. */
    public static RootOptions of() {
        return new RootOptions("root", List.of(), null, "tcp", null, false, null, Teardown.DEFAULTS);
    }

    public RootOptions name(String n) {
        return new RootOptions(n, enabled, spawnBackend, transport, registryAddress, ensureRegistry, logLevel, teardown);
    }

    public RootOptions enable(Class<?>... classes) {
        List<String> e = new ArrayList<>(enabled);
        for (Class<?> c : classes) if (!e.contains(c.getName())) e.add(c.getName());
        return new RootOptions(name, e, spawnBackend, transport, registryAddress, ensureRegistry, logLevel, teardown);
    }

    public RootOptions spawnBackend(String backend) {
        return new RootOptions(name, enabled, backend, transport, registryAddress, ensureRegistry, logLevel, teardown);
    }

    public RootOptions transport(String t) {
        return new RootOptions(name, enabled, spawnBackend, t, registryAddress, ensureRegistry, logLevel, teardown);
    }

    public RootOptions registryAddress(String address) {
        return new RootOptions(name, enabled, spawnBackend, transport, address, ensureRegistry, logLevel, teardown);
    }

    public RootOptions ensureRegistry(boolean ensure) {
        return new RootOptions(name, enabled, spawnBackend, transport, registryAddress, ensure, logLevel, teardown);
    }

    public RootOptions logLevel(String level) {
        return new RootOptions(name, enabled, spawnBackend, transport, registryAddress, ensureRegistry, level, teardown);
    }

    public RootOptions teardown(Teardown t) {
        return new RootOptions(name, enabled, spawnBackend, transport, registryAddress, ensureRegistry, logLevel, t);
    }
}
