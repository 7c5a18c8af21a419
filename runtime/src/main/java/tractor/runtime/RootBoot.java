package tractor.runtime;

import java.nio.file.Path;
import java.util.List;
import tractor.ActorId;
import tractor.RootOptions;
import tractor.RuntimeFailure;
import tractor.transport.spi.Address;
import tractor.transport.spi.Listener;
import tractor.transport.spi.Multiaddr;
import tractor.transport.spi.TransportOptions;
import tractor.transport.spi.TransportProvider;
import tractor.transport.spi.Transports;

/**
 * How a root actor starts: registrar election by probing the registry address (tractor's rendezvous,
 * see {@link RegistryProbe}). Nobody answers there: this root becomes the registrar and listens on it,
 * and on every bind address besides. A registrar answers: this root registers with it and listens on
 * exactly its bind addresses, or on a free address near the registry's. Something else answers:
 * refused. Addresses are URIs or multiaddrs and must belong to the root's transport.
 */
final class RootBoot {
    private RootBoot() {}

    /** The default registry port, as tractor's. */
    static final int DEFAULT_PORT = 1616;

    /** The root's configuration and the listeners it serves (the first one's address is registered first). */
    record Booted(ActorConfig config, List<Listener> listeners) {}

    static Booted boot(RootOptions o, ClassLoader loader) {
        return boot(o, loader, RegistryProbe.DEFAULT);
    }

    static Booted boot(RootOptions o, ClassLoader loader, RegistryProbe prober) {
        TransportProvider tp = Transports.get(o.transport());
        TransportOptions topts = Secrets.options(Secrets.resolve(o, System.getenv()), o.transportOptions(), ChannelOptions.DEFAULTS);
        Address reg = o.registryAddress() != null ? parse(tp, o.registryAddress(), "registryAddress") : defaultRegistry(tp, topts);
        List<Address> binds = o.bindAddresses().stream().map(a -> parse(tp, a, "bindAddresses")).toList();
        ActorId id = ActorId.random(o.name());
        RegistryProbe.Result found = isAnyTcpPort(reg) ? new RegistryProbe.Result(RegistryProbe.Outcome.ABSENT, "")
                : prober.probe(tp, topts, reg, id);
        List<Listener> ls = listen(o, tp, topts, reg, binds, found);
        boolean registrar = found.outcome() == RegistryProbe.Outcome.ABSENT;
        if (registrar) reg = ls.getFirst().boundAddress();
        ActorConfig cfg = new ActorConfig(id, true, registrar, DebugMode.rootEnabled(o), loader, tp, topts, ChannelOptions.DEFAULTS,
                CodecLimits.DEFAULT, reg, o.teardown(), SpawnBackends.select(o.spawnBackend()), null,
                o.logLevel() != null ? o.logLevel() : System.getProperty(LogLevels.PROPERTY));
        return new Booted(cfg, ls);
    }

    /** Election by the probe's outcome: where this root listens, or why it cannot start. */
    private static List<Listener> listen(RootOptions o, TransportProvider tp, TransportOptions topts, Address reg, List<Address> binds,
                                         RegistryProbe.Result found) {
        return switch (found.outcome()) {
            case ABSENT -> Listening.union(tp, topts, reg, binds);
            case REGISTRAR -> {
                if (o.ensureRegistry()) {
                    throw new RuntimeFailure("registry address " + reg + " is already served by a registrar "
                            + "(ensureRegistry demands that this root hosts the registry there)");
                }
                yield Listening.exactly(tp, topts, binds.isEmpty() ? List.of(Listening.anyNear(tp, topts, reg, o.name())) : binds);
            }
            case OCCUPIED -> throw new RuntimeFailure("registry address " + reg
                    + " is occupied but did not answer as a tractor registrar: " + found.detail());
        };
    }

    /**
     * Parses an address of the root's options (URI or multiaddr form), which must belong to the
     * enabled transport.
     *
     * @throws IllegalArgumentException naming {@code transport} and the option when it belongs to another
     */
    static Address parse(TransportProvider tp, String text, String option) {
        String uri = Multiaddr.normalize(text);
        int i = uri.indexOf("://");
        String scheme = i > 0 ? uri.substring(0, i) : "";
        if (!scheme.equals(tp.name())) {
            throw new IllegalArgumentException(option + " \"" + text + "\" is not an address of the enabled transport (transport \""
                    + tp.name() + "\"): enable its transport or give " + option + " of transport \"" + tp.name() + "\"");
        }
        return tp.parseAddress(uri);
    }

    private static boolean isAnyTcpPort(Address reg) {
        String s = reg.toString();
        return s.startsWith("tcp://") && s.endsWith(":0");
    }

    /**
     * tractor's defaults: {@code tcp://127.0.0.1:1616}, {@code uds://<runtime dir>/registry@1616.sock};
     * in one JVM {@code inproc://registry@1616}.
     */
    static Address defaultRegistry(TransportProvider tp, TransportOptions topts) {
        if (tp.name().equals("tcp")) return tp.parseAddress("tcp://" + topts.bindHost() + ":" + DEFAULT_PORT);
        if (tp.name().equals("inproc")) return tp.parseAddress("inproc://registry@" + DEFAULT_PORT);
        String sample = tp.anyAddress("registry", topts).toString();
        if (sample.startsWith("uds://")) {
            Path dir = Path.of(sample.substring("uds://".length())).getParent();
            return tp.parseAddress("uds://" + dir.resolve("registry@" + DEFAULT_PORT + ".sock"));
        }
        return tp.anyAddress("registry", topts);
    }

    static List<List<Object>> addrList(Address a) {
        return List.of(List.of(a.transport(), a.toString()));
    }
}
