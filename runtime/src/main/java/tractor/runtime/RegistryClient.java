package tractor.runtime;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import tractor.sc.CancelScope;
import tractor.sc.Sc;
import tractor.transport.spi.Address;

/** An actor's registration with its registrar: on boot, and removal on a graceful exit. */
final class RegistryClient {
    private RegistryClient() {}

    /** How long registering may take before the actor fails to boot. */
    static final Duration REGISTER_TIMEOUT = Duration.ofSeconds(10);

    /**
     * Whether {@code parent} (a handshaken channel) leads to this actor's registrar: the peer says it is a
     * registrar and was reached at the registry address. A child then registers over that channel instead
     * of opening a connection of its own for it.
     */
    static boolean isRegistrar(ActorRuntime rt, Channel parent) {
        Msg.Aid p = parent.peer();
        return rt.registrar() == null && p != null && Boolean.TRUE.equals(p.isRegistrar())
                && rt.config().registryAddress().equals(parent.remoteAddress());
    }

    /**
     * Registers {@code rt} under every address it listens on, its first one first; over {@code via} (a
     * channel to the registrar whose msg loop runs) or, when null, over a connection of its own.
     *
     * @throws tractor.TransportClosed when the registrar cannot be reached in time
     */
    static void register(ActorRuntime rt, Channel via) throws Exception {
        List<String> addrs = rt.addresses();
        if (rt.registrar() != null) {
            addrs.forEach(a -> rt.registrar().register(rt.wireUid(), a));
            return;
        }
        CancelScope s = CancelScope.moveOnAfter(REGISTER_TIMEOUT, scope -> withRegistrar(rt, via, reg -> {
            for (String a : addrs) reg.callSelf("register_actor", Map.of("uid", uidList(rt.wireUid()), "addr", a));
        }));
        if (s.cancelledCaught()) {
            throw new tractor.TransportClosed("registrar at " + rt.registryAddress() + " did not answer within " + REGISTER_TIMEOUT);
        }
    }

    /**
     * Removes {@code rt} from the registry; bounded by the cancel-ack wait, shielded, best effort. Over
     * {@code parent} when it leads to the registrar and is still open, else over a connection of its own.
     */
    static void unregister(ActorRuntime rt, Channel parent) {
        if (rt.registrar() != null) {
            rt.registrar().unregister(rt.wireUid());
            return;
        }
        Channel via = parent != null && parent.isOpen() && isRegistrar(rt, parent) ? parent : null;
        try {
            CancelScope.runShielded(s -> {
                s.deadline(Sc.deadlineAfter(rt.teardown().cancelAckWait()));
                withRegistrar(rt, via, reg -> reg.callSelf("unregister_actor", Map.of("uid", uidList(rt.wireUid()))));
            });
        } catch (Exception | tractor.sc.Cancelled e) {
            Log.debug(rt, "could not unregister from " + rt.registryAddress() + ": " + e);
        }
    }

    private static void withRegistrar(ActorRuntime rt, Channel via, java.util.function.Consumer<PortalImpl> calls) {
        if (via != null) {
            calls.accept(new PortalImpl(rt, via, false));
            return;
        }
        Address reg = rt.config().registryAddress();
        try (Channel ch = Connect.open(rt.config(), reg, rt.aid(false))) {
            ch.start(m -> { }, end -> { });
            calls.accept(new PortalImpl(rt, ch, false));
        }
    }

    static List<String> uidList(Uid u) {
        return List.of(u.name(), u.uuid());
    }
}
