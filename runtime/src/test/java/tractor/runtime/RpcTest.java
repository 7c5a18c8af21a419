package tractor.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tractor.ActorOptions;
import tractor.ModuleNotExposed;
import tractor.Portal;
import tractor.RemoteActorError;
import tractor.Tractor;
import tractor.runtime.it.Calls;
import tractor.runtime.it.Probe;
import tractor.testkit.Bounded;

/**
 * tractor's tests/test_rpc.py (scenarios 49–54).
 *
 * <p>49–50 are unit tests in tractor (a mocked channel whose sends fail). The runtime's RpcServer only
 * runs inside a booted ActorRuntime (its tasks live in the actor's service nursery), so they are
 * ported end to end: a raw connection sends a {@code Start} and disconnects at once; the call still runs
 * to completion in the actor, its reply to the vanished peer is dropped without harming the actor, which
 * keeps serving its other peers and leaks nothing (the testkit's leak check).
 */
@Bounded(seconds = 20)
class RpcTest {
    /** Connects to {@code address} as a fresh peer, sends one Start for {@code Probe#func(key)}, and hangs up. */
    private static void startThenDisconnect(String address, String func, String key) {
        ActorRuntime rt = (ActorRuntime) Tractor.currentActor();
        String uuid = UUID.randomUUID().toString();
        Channel raw = Connect.open(rt.config(), rt.config().transport().parseAddress(address),
                new Msg.Aid("rude-peer", uuid, ProcessHandle.current().pid(), false, false));
        try {
            raw.send(new Msg.Start(UUID.randomUUID().toString(), Probe.class.getName(), func,
                    Args.encode(rt.payloadCodec(), new Object[] {key}), new Uid("rude-peer", uuid)));
        } finally {
            raw.close();
        }
    }

    private static void disconnectedCaller(String backend, String transport, String func, String expected) throws Exception {
        Tractor.openNursery(Matrix.root(backend, transport), an -> {
            Portal p = an.startActor("server", ActorOptions.of().enable(Probe.class, Calls.class));
            String key = UUID.randomUUID().toString();
            startThenDisconnect(p.run(Probe::address), func, key);
            p.run(Probe::awaitEntered, key);
            p.run(Probe::release, key);
            assertEquals(expected, p.run(Probe::outcome, key), "the call ran to completion after its caller left");
            assertEquals(7, p.run(Calls::add, 3, 4), "the actor keeps serving its other peers");
            // and a second rude peer in a row changes nothing
            String key2 = UUID.randomUUID().toString();
            startThenDisconnect(p.run(Probe::address), func, key2);
            p.run(Probe::awaitEntered, key2);
            p.run(Probe::release, key2);
            assertEquals(expected, p.run(Probe::outcome, key2));
            assertEquals("server", p.run(Calls::whoAmI));
            assertTrue(p.cancelActor());
        });
    }

    /** 49: the caller disconnects right after its Start: the RPC still runs to completion, the actor is unharmed. */
    @ParameterizedTest
    @MethodSource("tractor.runtime.Matrix#pairs")
    void rpcRunsAfterCallerDisconnect(String backend, String transport) throws Exception {
        disconnectedCaller(backend, transport, "hold", "returned");
    }

    /** 50: the RPC raises and its Error cannot be shipped (caller gone): the actor does not fail, keeps serving. */
    @ParameterizedTest
    @MethodSource("tractor.runtime.Matrix#pairs")
    void errorShipmentIgnoresClosedChannel(String backend, String transport) throws Exception {
        disconnectedCaller(backend, transport, "holdThenFail", "raised");
    }

    /**
     * 51: a child calls the root by module and function, the root exposes nothing: RAE(ModuleNotExposed)
     * in the child, relayed up to the root.
     */
    @ParameterizedTest
    @MethodSource("tractor.runtime.Matrix#pairs")
    void childCallsRootNoModsExposed(String backend, String transport) throws Exception {
        Tractor.openNursery(Matrix.root(backend, transport), an -> {
            Portal p = an.startActor("caller", ActorOptions.of().enable(Calls.class));
            RemoteActorError e = assertThrows(RemoteActorError.class, () -> p.run(Calls::addInParent, 1, 2));
            assertTrue(e.isInception(), "raised in the root, relayed by the child: " + e);
            assertEquals(ModuleNotExposed.class.getName(), e.srcTypeName());
            assertEquals("root", e.srcUid().name());
            assertEquals(List.of("root", "caller"), e.relayPath().stream().map(tractor.ActorId::name).toList());
            assertTrue(p.cancelActor());
        });
    }

    /** 51 (the direction the API allows): the root calls a class the child did not enable → RAE(ModuleNotExposed), nothing run. */
    @ParameterizedTest
    @MethodSource("tractor.runtime.Matrix#pairs")
    void rpcErrorsNoModsExposed(String backend, String transport) throws Exception {
        Tractor.openNursery(Matrix.root(backend, transport), an -> {
            Portal p = an.startActor("bare", ActorOptions.of());
            RemoteActorError e = assertThrows(RemoteActorError.class, () -> p.run(Calls::add, 1, 2));
            assertEquals(ModuleNotExposed.class, e.boxedType().orElseThrow());
            assertFalse(e.isInception());
            assertEquals("bare", e.srcUid().name());
            assertTrue(e.remoteMessage().contains(Calls.class.getName()), e.remoteMessage());
            assertTrue(p.cancelActor());
        });
    }

    /** 51, relayed: the child's call to a grandchild's unexposed class surfaces at the root as a box of a box. */
    @ParameterizedTest
    @MethodSource("tractor.runtime.Matrix#pairs")
    void rpcErrorsNoModsExposedRelayed(String backend, String transport) throws Exception {
        RemoteActorError e = assertThrows(RemoteActorError.class, () -> Tractor.openNursery(Matrix.root(backend, transport), an -> {
            Portal p = an.startActor("middle", ActorOptions.of().enable(tractor.runtime.it.Relay.class));
            p.run(tractor.runtime.it.Relay::callUnexposedInGrandchild);
        }));
        assertTrue(e.isInception());
        assertEquals(ModuleNotExposed.class.getName(), e.srcTypeName());
        assertEquals(2, e.relayPath().size());
    }

    /** 52: the class is enabled and the method exists → the call succeeds, the program exits cleanly. */
    @ParameterizedTest
    @MethodSource("tractor.runtime.Matrix#pairs")
    void rpcErrorsThisMod(String backend, String transport) throws Exception {
        Tractor.openNursery(Matrix.root(backend, transport), an -> {
            Portal p = an.startActor("exposed", ActorOptions.of().enable(Calls.class));
            assertEquals(3, p.run(Calls::add, 1, 2));
            assertEquals(3, ((Number) p.run(Calls.class.getName() + "#add", 1, 2)).intValue(), "by name");
            assertTrue(p.cancelActor());
        });
    }

    /** 53: the class is enabled, the method is missing → RAE(NoSuchMethodException), Java's AttributeError. */
    @ParameterizedTest
    @MethodSource("tractor.runtime.Matrix#pairs")
    void rpcErrorsThisModBadFunc(String backend, String transport) throws Exception {
        Tractor.openNursery(Matrix.root(backend, transport), an -> {
            Portal p = an.startActor("exposed", ActorOptions.of().enable(Calls.class));
            RemoteActorError e = assertThrows(RemoteActorError.class, () -> p.run(Calls.class.getName() + "#doggy"));
            assertEquals(NoSuchMethodException.class, e.boxedType().orElseThrow());
            assertTrue(e.remoteMessage().contains("doggy"), e.remoteMessage());
            assertEquals(7, p.run(Calls::add, 3, 4), "a refused call leaves the actor serving");
            assertTrue(p.cancelActor());
        });
    }

    /**
     * 54: enabling a class that cannot be loaded (missing, or whose static initializer throws) fails
     * locally in the parent at spawn time: tractor resolves enabled modules parent-side, so
     * {@code startActor} raises (not a RemoteActorError) and no child is left behind.
     */
    @ParameterizedTest
    @ValueSource(strings = {"tractor.runtime.it.DoesNotExist", "tractor.runtime.it.BrokenInit"})
    void rpcErrorsFailToLoadEnabledClass(String className) throws Exception {
        Tractor.openNursery(Matrix.root("process", "tcp"), an -> {
            RuntimeException e = assertThrows(RuntimeException.class, () -> an.startActor("doomed", ActorOptions.of().enable(className)));
            assertFalse(e instanceof RemoteActorError, "raised locally, not by the child: " + e);
            assertTrue(String.valueOf(e.getMessage()).contains(className), e.getMessage());
        });
    }
}
