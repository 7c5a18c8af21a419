package tractor.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tractor.ActorOptions;
import tractor.Endpoint;
import tractor.Portal;
import tractor.RemoteActorError;
import tractor.Tractor;
import tractor.runtime.it.Calls;
import tractor.runtime.it.Nested;
import tractor.runtime.it.Spawning;
import tractor.sc.Nursery;
import tractor.testkit.Bounded;

/**
 * tractor's tests/test_spawning.py (scenarios 55–58), plus concurrent spawning, nested actor nurseries
 * and a grandchild's error relayed as inception.
 *
 * <p>Not ported: 59 {@code test_run_in_actor_can_skip_parent_main_inheritance} and 60
 * {@code test_start_actor_can_skip_parent_main_inheritance} are python-only (they are about re-importing
 * the parent's {@code __main__} module in a child; a JVM child has no parent main to inherit).
 */
@Bounded(seconds = 20)
class SpawningTest {
    private static Set<String> peerUuids() {
        ActorRuntime rt = (ActorRuntime) Tractor.currentActor();
        return rt.peers().all().stream().map(ch -> ch.peerUid().uuid()).collect(Collectors.toSet());
    }

    /** 55: a one-shot child runs the root's function: it is no registrar, the root knows it as a peer; result 10. */
    @ParameterizedTest
    @MethodSource("tractor.runtime.Matrix#pairs")
    void runInActorSameFuncInChild(String backend, String transport) throws Exception {
        Tractor.openNursery(Matrix.root(backend, transport), an -> {
            assertTrue(Tractor.currentActor().isRegistrar(), "the root of a private registry address is the registrar");
            Portal info = an.startActor("info", ActorOptions.of().enable(Spawning.class));
            Spawning.Info child = info.run(Spawning::info);
            assertEquals("info", child.name());
            assertFalse(child.registrar());
            assertFalse(child.root());
            assertTrue(peerUuids().contains(child.uuid()), "the child is in the root's peer table");
            assertTrue(info.cancelActor());

            Portal p = an.runInActor("one-shot", Spawning::tenIfNotRegistrar);
            assertTrue(peerUuids().contains(p.peer().uuid()), "the one-shot child is in the root's peer table");
            assertEquals(10, ((Number) p.result()).intValue());
        });
    }

    /** 56: a daemon answers two sequential calls, then is cancelled; the nursery exits cleanly. */
    @ParameterizedTest
    @MethodSource("tractor.runtime.Matrix#pairs")
    void movieTheatreConvo(String backend, String transport) throws Exception {
        Tractor.openNursery(Matrix.root(backend, transport), an -> {
            Portal p = an.startActor("frank", ActorOptions.of().enable(Spawning.class));
            assertEquals("A movie theatre, with a marching band out front?", p.run(Spawning::movieTheatreQuestion));
            assertEquals("Dang that's beautiful", p.run(Spawning::cellarDoor));
            assertTrue(p.cancelActor());
        });
    }

    /** 57: a one-shot's value (null included) from result() inside the nursery, and again (cached) after it closed. */
    @ParameterizedTest
    @MethodSource("tractor.runtime.Matrix#pairs")
    void mostBeautifulWord(String backend, String transport) throws Exception {
        for (boolean returnNull : new boolean[] {false, true}) {
            AtomicReference<Portal> portal = new AtomicReference<>();
            Tractor.openNursery(Matrix.root(backend, transport), an -> {
                Portal p = an.runInActor("some_linguist", Spawning::mostBeautifulWord, returnNull);
                portal.set(p);
                Object inside = p.result();
                if (returnNull) assertNull(inside);
                else assertEquals("cellar door", inside);
            });
            Object after = portal.get().result();
            if (returnNull) assertNull(after);
            else assertEquals("cellar door", after);
        }
    }

    /**
     * 58: a child spawned with a log level runs at that level. Process children only: thread children
     * share the parent JVM's logging backend, whose level is global. (tractor also checks that the
     * child's log line reaches the parent's stderr; the child's stderr is relayed by the process
     * backend.)
     */
    @ParameterizedTest
    @ValueSource(strings = {"debug", "info", "error"})
    void loglevelPropagatedToSubactor(String level) throws Exception {
        Tractor.openNursery(Matrix.root("process", "tcp"), an -> {
            Portal p = an.startActor("chatty", ActorOptions.of().enable(Spawning.class).logLevel(level));
            assertEquals(level, p.run(Spawning::runtimeLogLevel));
            assertTrue(p.cancelActor());
        });
    }

    /** Eight daemons started at once from eight tasks inside the actor nursery's body. */
    @Bounded(seconds = 60)
    @ParameterizedTest
    @MethodSource("tractor.runtime.Matrix#pairs")
    void spawnManyConcurrently(String backend, String transport) throws Exception {
        int n = 8;
        Tractor.openNursery(Matrix.root(backend, transport), an -> {
            AtomicReferenceArray<Portal> portals = new AtomicReferenceArray<>(n);
            Nursery.run(tasks -> {
                for (int i = 0; i < n; i++) {
                    int k = i;
                    tasks.startSoon("spawn d" + k, () -> portals.set(k, an.startActor("d" + k, ActorOptions.of().enable(Calls.class))));
                }
            });
            List<String> uuids = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                Portal p = portals.get(i);
                assertEquals("d" + i, p.run(Calls::whoAmI));
                assertEquals(i + 1, p.run(Calls::add, i, 1));
                uuids.add(p.peer().uuid());
            }
            assertEquals(n, Set.copyOf(uuids).size(), "every child has its own uid");
            an.cancel();
            assertTrue(an.cancelCalled());
        });
    }

    /** A child opens an actor nursery of its own inside an endpoint and spawns a grandchild; the root calls through. */
    @ParameterizedTest
    @MethodSource("tractor.runtime.Matrix#pairs")
    void nestedActorNurseries(String backend, String transport) throws Exception {
        Tractor.openNursery(Matrix.root(backend, transport), an -> {
            Portal p = an.startActor("child", ActorOptions.of().enable(Nested.class));
            assertEquals("grandchild:5", p.run(Nested::addViaGrandchild, 2, 3));
            assertEquals("grandchild:9", p.run(Nested::addViaGrandchild, 4, 5), "a second nested nursery in the same child");
            assertTrue(p.cancelActor());
        });
    }

    /** A grandchild's error reaches the root as inception: a box of a box, relayed by the child. */
    @ParameterizedTest
    @MethodSource("tractor.runtime.Matrix#pairs")
    void grandchildErrorRelayedAsInception(String backend, String transport) throws Exception {
        RemoteActorError e = assertThrows(RemoteActorError.class, () -> Tractor.openNursery(Matrix.root(backend, transport), an -> {
            Portal p = an.startActor("child", ActorOptions.of().enable(Nested.class));
            p.run(Nested::failInGrandchild, "deep boom");
        }));
        assertEquals(RemoteActorError.class.getName(), e.boxedTypeName());
        assertEquals(IllegalStateException.class.getName(), e.srcTypeName());
        assertEquals(IllegalStateException.class, e.srcType().orElseThrow());
        assertTrue(e.isInception());
        assertEquals("deep boom", e.remoteMessage());
        assertEquals("grandchild", e.srcUid().name());
        assertEquals(List.of("grandchild", "child"), e.relayPath().stream().map(tractor.ActorId::name).toList());
        assertEquals("child", e.relayUid().name());
    }

    /** The same inception through a one-shot child: the nursery raises the relayed box at exit. */
    @ParameterizedTest
    @MethodSource("tractor.runtime.Matrix#pairs")
    void grandchildErrorRelayedThroughOneShot(String backend, String transport) throws Exception {
        Throwable t = assertThrows(Throwable.class, () -> Tractor.openNursery(Matrix.root(backend, transport), an ->
                an.runInActor("child", ActorOptions.of(), Endpoint.parse(Nested.class.getName() + "#failInGrandchild"), "deep boom")));
        RemoteActorError e = assertInstanceOf(RemoteActorError.class, t);
        assertTrue(e.isInception());
        assertEquals(IllegalStateException.class.getName(), e.srcTypeName());
        assertEquals(2, e.relayPath().size());
    }
}
