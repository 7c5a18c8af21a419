package tractor;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How to open the root actor of a program. Immutable; every setter returns a copy.
 *
 * @param name             the root actor's name
 * @param enabled          binary names of the classes peers may invoke in the root
 * @param spawnBackend     the default spawn backend of its nurseries, or null: then the
 *                         {@code TRACTOR_SPAWN_METHOD} environment variable, else {@code process}
 * @param transport        the transport every actor of the tree uses ({@code tcp} or {@code uds})
 * @param registryAddress  where to find or become the registrar (a URI or a multiaddr such as
 *                         {@code /ip4/127.0.0.1/tcp/1616}), or null for the transport's default
 *                         ({@code tcp://127.0.0.1:1616}, {@code uds://<runtime dir>/registry@1616.sock}); a
 *                         TCP port 0 makes this root the registrar on a free port
 * @param ensureRegistry   demand that this root becomes the registrar (fails when one answers)
 * @param logLevel         log level, or null for the default
 * @param teardown         the teardown ladder's timeouts
 * @param bindAddresses    where the root listens, or empty for the default (tractor's {@code tpt_bind_addrs})
 * @param secret           the tree's shared secret for peer authentication, or null (see {@link #secret(String)})
 * @param secretFile       a file holding the shared secret, readable only by its owner, or null
 * @param transportOptions transport-specific settings by name (for instance TLS key stores)
 * @param debugMode        start the tree in debug mode (debugger agents, pause, crash holds)
 */
public record RootOptions(String name, List<String> enabled, String spawnBackend, String transport, String registryAddress,
                          boolean ensureRegistry, String logLevel, Teardown teardown, List<String> bindAddresses,
                          String secret, Path secretFile, Map<String, String> transportOptions, boolean debugMode) {
    public RootOptions {
        Objects.requireNonNull(name, "name");
        enabled = List.copyOf(enabled);
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(teardown, "teardown");
        bindAddresses = List.copyOf(bindAddresses);
        transportOptions = Map.copyOf(transportOptions);
    }

    /** A root named {@code root} on TCP with the default registry address. */
    public static RootOptions of() {
        return new RootOptions("root", List.of(), null, "tcp", null, false, null, Teardown.DEFAULTS,
                List.of(), null, null, Map.of(), false);
    }

    public RootOptions name(String n) {
        return with(b -> b.name = n);
    }

    public RootOptions enable(Class<?>... classes) {
        List<String> e = new ArrayList<>(enabled);
        for (Class<?> c : classes) if (!e.contains(c.getName())) e.add(c.getName());
        return with(b -> b.enabled = e);
    }

    public RootOptions spawnBackend(String backend) {
        return with(b -> b.spawnBackend = backend);
    }

    public RootOptions transport(String t) {
        return with(b -> b.transport = t);
    }

    public RootOptions registryAddress(String address) {
        return with(b -> b.registryAddress = address);
    }

    public RootOptions ensureRegistry(boolean ensure) {
        return with(b -> b.ensureRegistry = ensure);
    }

    /**
     * Where the root listens, as URIs or multiaddrs of its transport ({@code tcp://127.0.0.1:0},
     * {@code /ip4/127.0.0.1/tcp/0}, {@code uds:///run/app/a.sock}); tractor's {@code tpt_bind_addrs}. A
     * root that becomes the registrar listens on the registry address and on each of these; any other
     * root listens on exactly these, or, when none is given, on a free address beside the registry's.
     */
    public RootOptions bindAddresses(String... addresses) {
        List<String> l = List.of(addresses);
        return with(b -> b.bindAddresses = l);
    }

    public RootOptions logLevel(String level) {
        return with(b -> b.logLevel = level);
    }

    public RootOptions teardown(Teardown t) {
        return with(b -> b.teardown = t);
    }

    /**
     * The tree's shared secret: every connection of every actor of the tree, on any transport, first
     * proves it (a mutual nonce and HMAC-SHA256 challenge) before any message is read; children inherit
     * it. Required when a listener binds an address that is not loopback. Takes precedence over
     * {@link #secretFile(Path)} and the environment variables {@code TRACTOR_SECRET} and
     * {@code TRACTOR_SECRET_FILE}.
     *
     * @param s the secret, or null to take it from the file or the environment
     */
    public RootOptions secret(String s) {
        return with(b -> b.secret = s);
    }

    /**
     * A file holding the tree's shared secret (see {@link #secret(String)}); its text without the
     * trailing line break is the secret. It must be a regular file owned by this process's user with no
     * permission for group or others, else the root refuses to start.
     *
     * @param file the file, or null to take the secret from the environment
     */
    public RootOptions secretFile(Path file) {
        return with(b -> b.secretFile = file);
    }

    /**
     * Transport-specific settings by name, for instance the TLS key stores of the {@code tcp} transport
     * (see the README's Security section). Replaces any settings given before.
     *
     * @param options the settings; copied
     */
    public RootOptions transportOptions(Map<String, String> options) {
        Map<String, String> copy = Map.copyOf(options);
        return with(b -> b.transportOptions = copy);
    }

    /** The components, with the secret redacted. */
    @Override
    public String toString() {
        return "RootOptions[name=" + name + ", enabled=" + enabled + ", spawnBackend=" + spawnBackend + ", transport=" + transport
                + ", registryAddress=" + registryAddress + ", ensureRegistry=" + ensureRegistry + ", logLevel=" + logLevel
                + ", teardown=" + teardown + ", bindAddresses=" + bindAddresses + ", secret=" + (secret == null ? "null" : "(redacted)")
                + ", secretFile=" + secretFile + ", transportOptions=" + redacted(transportOptions) + ", debugMode=" + debugMode + "]";
    }

    private static Map<String, String> redacted(Map<String, String> m) {
        Map<String, String> out = new java.util.TreeMap<>();
        m.forEach((k, v) -> out.put(k, k.toLowerCase(java.util.Locale.ROOT).contains("password") ? "(redacted)" : v));
        return out;
    }

    /**
     * Starts the tree in debug mode (tractor's {@code debug_mode}): every child JVM gets a JDWP agent on a
     * free loopback port, announced on the root's terminal; {@link Tractor#pause()} holds the calling task
     * until released from the root's terminal or a debugger; an uncaught error holds its actor the same
     * way before it propagates. Children and grandchildren inherit the mode.
     */
    public RootOptions debugMode(boolean on) {
        return with(b -> b.debugMode = on);
    }

    private RootOptions with(java.util.function.Consumer<Builder> change) {
        Builder b = new Builder(this);
        change.accept(b);
        return b.build();
    }

    /** The mutable form every setter goes through, so that adding a component touches one place. */
    private static final class Builder {
        String name, spawnBackend, transport, registryAddress, logLevel, secret;
        List<String> enabled, bindAddresses;
        boolean ensureRegistry, debugMode;
        Teardown teardown;
        Path secretFile;
        Map<String, String> transportOptions;

        Builder(RootOptions o) {
            name = o.name; enabled = o.enabled; spawnBackend = o.spawnBackend; transport = o.transport;
            registryAddress = o.registryAddress; ensureRegistry = o.ensureRegistry; logLevel = o.logLevel;
            teardown = o.teardown; bindAddresses = o.bindAddresses; secret = o.secret; secretFile = o.secretFile;
            transportOptions = o.transportOptions; debugMode = o.debugMode;
        }

        RootOptions build() {
            return new RootOptions(name, enabled, spawnBackend, transport, registryAddress, ensureRegistry, logLevel,
                    teardown, bindAddresses, secret, secretFile, transportOptions, debugMode);
        }
    }
}
