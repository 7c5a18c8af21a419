package tractor.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tractor.NoRuntime;
import tractor.Tractor;
import tractor.sc.Nursery;
import tractor.sc.Sc;
import tractor.testkit.Bounded;

/**
 * tractor's tests/test_local.py (scenarios 61–64), through the public discovery calls
 * ({@code waitForActor}, {@code findActor}, {@code getRegistry}) and the runtime's own {@code self}
 * registry calls. The registrar scenarios are in {@link RegistrarTest}.
 */
@Bounded(seconds = 20)
class LocalTest {
    /** 61: asking for the current actor without a runtime → NoRuntime. */
    @Test
    void noRuntime() {
        NoRuntime e = assertThrows(NoRuntime.class, Tractor::currentActor);
        assertTrue(e.getMessage().contains("no actor runtime"), e.getMessage());
    }

    /** 62: the root registrar finds itself: waitForActor("root") yields a portal to itself within 0.2 s. */
    @ParameterizedTest
    @MethodSource("tractor.runtime.Matrix#pairs")
    void selfIsRegistered(String backend, String transport) throws Exception {
        Tractor.openRoot(Matrix.root(backend, transport), actor -> {
            long t0 = System.nanoTime();
            tractor.Portal self = Tractor.waitForActor("root");
            assertTrue(System.nanoTime() - t0 < Duration.ofMillis(200).toNanos(), "found within 0.2 s");
            assertEquals("root", self.peer().name());
            assertEquals(actor.uid(), self.peer());
            assertEquals(actor.uid(), Tractor.findActor("root").orElseThrow().peer());
            assertTrue(Tractor.findActor("nobody").isEmpty());
        });
    }

    /** 63: getRegistry() gives a (local) portal to the registrar; wait_for_actor('root') lists the registry address first. */
    @ParameterizedTest
    @MethodSource("tractor.runtime.Matrix#pairs")
    void selfIsRegisteredLocalPortal(String backend, String transport) throws Exception {
        // the Java analogue: getRegistry() is a portal to the registrar, here the root itself; the registry
        // lists the root at the registry address (tractor: wait_for_actor('root') answers it first)
        Tractor.openRoot(Matrix.root(backend, transport), actor -> {
            long t0 = System.nanoTime();
            tractor.Portal reg = Tractor.getRegistry();
            assertEquals(actor.uid(), reg.peer());
            assertEquals(actor.registryAddress(), Tractor.queryActor("root").orElseThrow());
            assertTrue(System.nanoTime() - t0 < Duration.ofMillis(200).toNanos(), "answered within 0.2 s");
        });
    }

    /** A child finds its sibling by name, and waits for one that registers later. */
    @ParameterizedTest
    @MethodSource("tractor.runtime.Matrix#pairs")
    void childrenFindEachOtherByName(String backend, String transport) throws Exception {
        Tractor.openNursery(Matrix.root(backend, transport), an -> {
            tractor.Portal a = an.startActor("finder", tractor.ActorOptions.of().enable(tractor.runtime.it.Calls.class));
            java.util.concurrent.atomic.AtomicReference<Object> found = new java.util.concurrent.atomic.AtomicReference<>();
            tractor.sc.Nursery.run(n -> {
                n.startSoon(() -> found.set(a.run(tractor.runtime.it.Calls::waitAndAsk, "latecomer")));
                an.startActor("latecomer", tractor.ActorOptions.of().enable(tractor.runtime.it.Calls.class));
            });
            assertEquals("latecomer", found.get());
            an.cancel();
        });
    }

    /**
     * 62–63 through the runtime: the root registrar registered itself; its registry, asked over IPC by a
     * peer with the self calls {@code find_actor} and {@code get_registry}, answers the root's address,
     * which is the registry address, fast.
     */
    @ParameterizedTest
    @MethodSource("tractor.runtime.Matrix#pairs")
    void registrarFindsItselfThroughSelfCalls(String backend, String transport) throws Exception {
        Tractor.openRoot(Matrix.root(backend, transport), actor -> {
            ActorRuntime rt = (ActorRuntime) actor;
            assertTrue(rt.isRegistrar());
            assertEquals("root", rt.name());
            assertEquals(rt.registryAddress(), rt.address(), "the registrar listens on the registry address");
            Channel ch = Connect.open(rt.config(), rt.config().registryAddress(),
                    rt.aid(false));
            // a portal of the root over its own connection to itself, as a peer asking the registrar
            rt.attach(ch);
            try {
                PortalImpl reg = new PortalImpl(rt, ch, false);
                long t0 = System.nanoTime();
                Object found = reg.callSelf("find_actor", Map.of("name", "root"));
                assertTrue(System.nanoTime() - t0 < Duration.ofSeconds(1).toNanos(), "found fast");
                assertTrue(String.valueOf(found).contains(rt.registryAddress()), "find_actor(root) = " + found);
                Object registry = reg.callSelf("get_registry", Map.of());
                assertTrue(String.valueOf(registry).contains(rt.uid().uuid()), "the registry lists the root: " + registry);
                assertTrue(String.valueOf(registry).contains(rt.registryAddress()), "at the registry address: " + registry);
            } finally {
                ch.close();
            }
        });
    }

    /** 64: a root-only runtime runs ordinary tasks: ten 0.1 s steps in a row take at least 1 s, results intact. */
    @ParameterizedTest
    @MethodSource("tractor.runtime.Matrix#pairs")
    void localActorRunsOrdinaryTasks(String backend, String transport) throws Exception {
        Tractor.openRoot(Matrix.root(backend, transport), actor -> {
            AtomicIntegerArray out = new AtomicIntegerArray(3);
            long t0 = System.nanoTime();
            Nursery.run(n -> {
                for (int t = 0; t < 3; t++) {
                    int k = t;
                    n.startSoon("stepper " + k, () -> {
                        assertEquals("root", Tractor.currentActor().name(), "tasks belong to the root actor");
                        for (int i = 0; i < 10; i++) {
                            Sc.sleep(Duration.ofMillis(100));
                            out.incrementAndGet(k);
                        }
                    });
                }
            });
            assertTrue(System.nanoTime() - t0 >= Duration.ofSeconds(1).toNanos());
            assertEquals(List.of(10, 10, 10), List.of(out.get(0), out.get(1), out.get(2)));
        });
    }
}
