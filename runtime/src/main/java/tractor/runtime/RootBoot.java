package tractor.runtime;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import tractor.ActorId;
import tractor.RootOptions;
import tractor.RuntimeFailure;
import tractor.TransportClosed;
import tractor.transport.spi.Address;
import tractor.transport.spi.Listener;
import tractor.transport.spi.TransportOptions;
import tractor.transport.spi.TransportProvider;
import tractor.transport.spi.Transports;

/**
 * How a root actor starts: registrar election by probing the registry address (tractor's rendezvous).
 * Nobody answers there: this root becomes the registrar and listens on it. A registrar answers: this
 * root registers with it and listens on a free address. Something else answers: refused.
 */
final class RootBoot {
    private RootBoot() {}

    /** The default registry port, as tractor's. */
    static final int DEFAULT_PORT = 1616;

    record Booted(ActorConfig config, Listener listener) {}

    static Booted boot(RootOptions o, ClassLoader loader) {
        TransportProvider tp = Transports.get(o.transport());
        TransportOptions topts = TransportOptions.DEFAULTS;
        Address reg = o.registryAddress() != null ? tp.parseAddress(o.registryAddress()) : defaultRegistry(tp, topts);
        ActorId id = ActorId.random(o.name());
        boolean anyPort = reg.toString().startsWith("tcp://") && reg.toString().endsWith(":0");
        Listener l;
        boolean registrar;
        if (anyPort || probe(tp, topts, reg, id) == Probe.ABSENT) {
            l = tp.listen(reg, topts);
            reg = l.boundAddress();
            registrar = true;
        } else {
            if (o.ensureRegistry()) {
                throw new RuntimeFailure("a registrar already answers at " + reg + " (ensureRegistry demands that this root hosts it)");
            }
            l = tp.listen(tp.anyAddress(o.name(), topts), topts);
            registrar = false;
        }
        ActorConfig cfg = new ActorConfig(id, true, registrar, DebugMode.rootEnabled(o), loader, tp, topts, ChannelOptions.DEFAULTS,
                CodecLimits.DEFAULT, reg, o.teardown(), SpawnBackends.select(o.spawnBackend()), null,
                o.logLevel() != null ? o.logLevel() : System.getProperty(LogLevels.PROPERTY));
        return new Booted(cfg, l);
    }

    enum Probe { ABSENT, REGISTRAR }

    /**
     * Connects to {@code reg} as a probe.
     *
     * @throws RuntimeFailure when something that is not a registrar answers there
     */
    static Probe probe(TransportProvider tp, TransportOptions topts, Address reg, ActorId id) {
        tractor.transport.spi.FrameChannel f;
        try {
            f = tp.connect(reg, topts.withConnectTimeout(Duration.ofSeconds(1)));
        } catch (Exception e) {
            return Probe.ABSENT;
        }
        try (Channel ch = new Channel(f, ChannelOptions.DEFAULTS.withHandshakeTimeout(Duration.ofSeconds(1)), CodecLimits.DEFAULT)) {
            Msg.Aid peer = ch.handshake(new Msg.Aid(id.name(), id.uuid(), ProcessHandle.current().pid(), false, true));
            if (Boolean.FALSE.equals(peer.isRegistrar())) {
                throw new RuntimeFailure("the registry address " + reg + " is occupied by actor " + peer.name() + ", which is not a registrar");
            }
            return Probe.REGISTRAR;
        } catch (TransportClosed e) {
            throw new RuntimeFailure("the registry address " + reg + " is occupied but did not answer as a tractor registrar: " + e.getMessage(), e);
        }
    }

    /** tractor's defaults: {@code tcp://127.0.0.1:1616}, {@code uds://<runtime dir>/registry@1616.sock}. */
    static Address defaultRegistry(TransportProvider tp, TransportOptions topts) {
        if (tp.name().equals("tcp")) return tp.parseAddress("tcp://" + topts.bindHost() + ":" + DEFAULT_PORT);
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
