package tractor.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tractor.ActorOptions;
import tractor.Portal;
import tractor.RootOptions;
import tractor.Tractor;
import tractor.runtime.it.Calls;
import tractor.sc.CancelScope;
import tractor.testkit.Bounded;
import tractor.transport.spi.Listener;
import tractor.transport.spi.Multiaddr;
import tractor.transport.spi.TransportOptions;

/**
 * tractor's tests/discovery/test_registrar.py (scenarios 189–192 and 196) against a registrar root of
 * this JVM, and the documented choice for several actors of one name. The scenarios with a registrar
 * in another program (193, 195) are in {@link MultiProgramTest}.
 *
 * <p>Not ported: the {@code use_signal} variants of 192 (SIGINT to the test's own JVM; signal teardown
 * is covered by the process-fault scenarios) and 194 (explicitly closed streams before teardown: the
 * unregistration path is the same as 192's).
 */
@Bounded(seconds = 30)
class RegistrarTest {
    private static ActorRuntime rt() {
        return (ActorRuntime) Tractor.currentActor();
    }

    private static Map<String, List<String>> registry() {
        return ((ActorRuntime) Tractor.currentActor()).registrar().snapshot();
    }

    private static Set<String> names() {
        return registry().keySet().stream().map(k -> k.substring(0, k.indexOf('.'))).collect(java.util.stream.Collectors.toSet());
    }

    /** 189: the registrar lists itself; a child is listed once found, and removed once cancelled. */
    @ParameterizedTest
    @MethodSource("tractor.runtime.Matrix#pairs")
    void regThenUnreg(String backend, String transport) throws Exception {
        regThenUnreg(Matrix.root(backend, transport));
    }

    /** 190: the same with the registry address given as a multiaddr. */
    @ParameterizedTest
    @ValueSource(strings = {"tcp", "uds"})
    void regThenUnregMultiaddr(String transport) throws Exception {
        String maddr = Multiaddr.of(Matrix.registry(transport));
        assertTrue(maddr.startsWith("/ip4/") || maddr.startsWith("/unix/"), maddr);
        regThenUnreg(Matrix.root("thread", transport).registryAddress(maddr));
    }

    private static void regThenUnreg(RootOptions root) throws Exception {
        Tractor.openNursery(root, an -> {
            assertEquals(1, registry().size(), "only the registrar itself: " + registry());
            Portal child = an.startActor("actor", ActorOptions.of().enable(Calls.class));
            assertEquals(child.peer(), Tractor.waitForActor("actor").peer());
            String key = child.peer().name() + "." + child.peer().uuid();
            assertTrue(registry().containsKey(key), registry().toString());
            assertEquals(2, registry().size(), registry().toString());
            an.cancel();
            assertFalse(registry().containsKey(key), "unregistered once cancelled: " + registry());
            assertEquals(1, registry().size(), registry().toString());
        });
    }

    /**
     * A child whose parent is the registrar registers and unregisters over its parent channel: the root
     * accepts one connection per child (its connect-back), not three. A grandchild, whose parent is not a
     * registrar, registers over connections of its own, and is listed and removed all the same.
     */
    @ParameterizedTest
    @MethodSource("tractor.runtime.Matrix#pairs")
    void aChildOfTheRegistrarRegistersOverItsParentChannel(String backend, String transport) throws Exception {
        Tractor.openNursery(Matrix.root(backend, transport), an -> {
            int before = rt().connectionsAccepted();
            Portal child = an.startActor("actor", ActorOptions.of().enable(Calls.class));
            String key = child.peer().name() + "." + child.peer().uuid();
            assertEquals(3, child.run(Calls::add, 1, 2), "the parent's msgs are served once it registered");
            assertTrue(registry().containsKey(key), "registered before serving its parent: " + registry());
            child.cancelActor();
            an.cancel();
            assertFalse(registry().containsKey(key), "unregistered: " + registry());
            assertEquals(1, rt().connectionsAccepted() - before, "the child's only connection to the root is its connect-back");
        });
    }

    /** The fallback: a grandchild registers with the root over a connection of its own (its parent is no registrar). */
    @ParameterizedTest
    @MethodSource("tractor.runtime.Matrix#pairs")
    void aGrandchildRegistersOverAConnectionOfItsOwn(String backend, String transport) throws Exception {
        Tractor.openNursery(Matrix.root(backend, transport), an -> {
            Portal child = an.startActor("middle", ActorOptions.of().enable(Calls.class));
            int before = rt().connectionsAccepted();
            assertEquals(Boolean.TRUE, child.run(Calls::spawnAndFind, "leaf"), "the leaf was listed while it ran");
            assertEquals(3, rt().connectionsAccepted() - before, "the leaf's register and unregister, and the middle's lookup");
            assertFalse(names().contains("leaf"), "the leaf is gone and unregistered: " + registry());
            an.cancel();
        });
    }

    /** 191: two one-shots each wait for the other by name and call it. */
    @ParameterizedTest
    @MethodSource("tractor.runtime.Matrix#pairs")
    void trynamicTrio(String backend, String transport) throws Exception {
        Tractor.openNursery(Matrix.root(backend, transport), an -> {
            Portal donny = an.runInActor("donny", Calls::waitAndAsk, "gretchen");
            Portal gretchen = an.runInActor("gretchen", Calls::waitAndAsk, "donny");
            assertEquals("gretchen", donny.result());
            assertEquals("donny", gretchen.result());
        });
    }

    /** 192: three children registered; an error in the root's body cancels them, and each unregisters. */
    @ParameterizedTest
    @MethodSource("tractor.runtime.Matrix#pairs")
    void subactorsUnregisterOnCancel(String backend, String transport) throws Exception {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Tractor.openRoot(Matrix.root(backend, transport), root -> {
            try {
                Tractor.openNursery(an -> {
                    for (int i = 0; i < 3; i++) {
                        // a child serves its parent's first call once it is registered (tractor's boot order)
                        assertEquals("sleeper_" + i, an.startActor("sleeper_" + i, ActorOptions.of().enable(Calls.class)).run(Calls::whoAmI));
                    }
                    assertEquals(4, registry().size(), registry().toString());
                    throw new IllegalStateException("stand-in for KeyboardInterrupt");
                });
            } finally {
                assertEquals(Set.of("root"), names(), "back to only the root: " + registry());
            }
        }));
        assertEquals("stand-in for KeyboardInterrupt", e.getMessage());
    }

    /**
     * 196: an entry whose actor died without unregistering (nobody listens at its address any more):
     * findActor yields nothing, and the entry is gone from the registrar's table.
     */
    @ParameterizedTest
    @ValueSource(strings = {"tcp", "uds"})
    void staleEntryIsDeleted(String transport) throws Exception {
        Tractor.openRoot(Matrix.root("thread", transport), actor -> {
            ActorRuntime rt = (ActorRuntime) actor;
            String dead;
            try (Listener l = rt.config().transport().listen(rt.config().transport().anyAddress("ghost", TransportOptions.DEFAULTS),
                    TransportOptions.DEFAULTS)) {
                dead = l.boundAddress().toString();
            }
            rt.registrar().register(new Uid("ghost", "0badc0de"), dead);
            assertEquals(Set.of("root", "ghost"), names());
            long t0 = System.nanoTime();
            assertTrue(Tractor.findActor("ghost").isEmpty());
            assertTrue(Procs.secondsSince(t0) < 4, "found stale within 4 s");
            assertEquals(Set.of("root"), names(), "the stale entry is deleted: " + registry());
        });
    }

    /**
     * Several actors of one name: findActor and waitForActor both give the first one registered; once it
     * is gone the next one is found.
     */
    @ParameterizedTest
    @ValueSource(strings = {"tcp", "uds"})
    void firstRegisteredOfOneNameWins(String transport) throws Exception {
        Tractor.openNursery(Matrix.root("thread", transport), an -> {
            Portal[] second = new Portal[1];
            Tractor.openNursery(inner -> {
                Portal first = inner.startActor("twin", ActorOptions.of().enable(Calls.class));
                // answered once registered: without it the second twin may register first under load
                assertEquals("twin", first.run(Calls::whoAmI));
                second[0] = an.startActor("twin", ActorOptions.of().enable(Calls.class));
                assertEquals("twin", second[0].run(Calls::whoAmI)); // answered once registered
                assertFalse(first.peer().equals(second[0].peer()));
                assertEquals(first.peer(), Tractor.findActor("twin").orElseThrow().peer());
                assertEquals(first.peer(), Tractor.waitForActor("twin").peer());
                assertEquals(2, registry().keySet().stream().filter(k -> k.startsWith("twin.")).count(), registry().toString());
                inner.cancel();
            });
            assertEquals(second[0].peer(), Tractor.findActor("twin").orElseThrow().peer(), "the first twin is reaped: " + registry());
            an.cancel();
        });
    }

    /** waitForActor is a checkpoint: a cancelled wait gives up, and the registry answers afterwards. */
    @ParameterizedTest
    @ValueSource(strings = {"tcp", "uds"})
    void waitForActorIsCancellable(String transport) throws Exception {
        Tractor.openRoot(Matrix.root("thread", transport), actor -> {
            CancelScope wait = CancelScope.moveOnAfter(Duration.ofMillis(200), s -> Tractor.waitForActor("nobody"));
            assertTrue(wait.cancelledCaught(), "the wait was cancelled");
            assertTrue(Tractor.findActor("nobody").isEmpty());
            assertEquals(actor.uid(), Tractor.waitForActor("root").peer());
        });
    }

    /** 196 for waitForActor: a stale entry is deleted and the wait goes on until a live actor of the name registers. */
    @ParameterizedTest
    @ValueSource(strings = {"tcp", "uds"})
    void waitForActorSkipsStaleEntries(String transport) throws Exception {
        Tractor.openNursery(Matrix.root("thread", transport), an -> {
            ActorRuntime rt = rt();
            String dead;
            try (Listener l = rt.config().transport().listen(rt.config().transport().anyAddress("ghost", TransportOptions.DEFAULTS),
                    TransportOptions.DEFAULTS)) {
                dead = l.boundAddress().toString();
            }
            rt.registrar().register(new Uid("ghost", "0badc0de"), dead);
            Portal[] found = new Portal[1];
            Portal[] live = new Portal[1];
            tractor.sc.Nursery.run(n -> {
                n.startSoon("waiter", () -> found[0] = Tractor.waitForActor("ghost"));
                live[0] = an.startActor("ghost", ActorOptions.of().enable(Calls.class));
            });
            assertEquals(live[0].peer(), found[0].peer());
            assertFalse(registry().containsKey("ghost.0badc0de"), registry().toString());
            an.cancel();
        });
    }
}
