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
     * Registers {@code rt} under its listening address.
     *
     * @throws tractor.TransportClosed when the registrar cannot be reached in time
     */
    static void register(ActorRuntime rt) throws Exception {
        String addr = rt.address();
        if (rt.registrar() != null) {
            rt.registrar().register(rt.wireUid(), addr);
            return;
        }
        CancelScope s = CancelScope.moveOnAfter(REGISTER_TIMEOUT, scope -> call(rt, "register_actor",
                Map.of("uid", uidList(rt.wireUid()), "addr", addr)));
        if (s.cancelledCaught()) {
            throw new tractor.TransportClosed("registrar at " + rt.registryAddress() + " did not answer within " + REGISTER_TIMEOUT);
        }
    }

    /** Removes {@code rt} from the registry; bounded by the cancel-ack wait, shielded, best effort. */
    static void unregister(ActorRuntime rt) {
        if (rt.registrar() != null) {
            rt.registrar().unregister(rt.wireUid());
            return;
        }
        try {
            CancelScope.runShielded(s -> {
                s.deadline(Sc.deadlineAfter(rt.teardown().cancelAckWait()));
                call(rt, "unregister_actor", Map.of("uid", uidList(rt.wireUid())));
            });
        } catch (Exception | tractor.sc.Cancelled e) {
            Log.debug(rt, "could not unregister from " + rt.registryAddress() + ": " + e);
        }
    }

    private static Object call(ActorRuntime rt, String func, Map<String, Object> kwargs) {
        Address reg = rt.config().registryAddress();
        try (Channel ch = Connect.open(rt.config(), reg, rt.aid(false))) {
            ch.start(m -> { }, end -> { });
            return new PortalImpl(rt, ch, false).callSelf(func, kwargs);
        }
    }

    static List<String> uidList(Uid u) {
        return List.of(u.name(), u.uuid());
    }
}
