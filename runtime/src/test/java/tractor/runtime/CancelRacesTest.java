package tractor.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import static org.junit.jupiter.api.Assertions.assertSame;

import tractor.ActorId;
import tractor.Context;
import tractor.ContextCancelled;
import tractor.Endpoint;
import tractor.Portal;
import tractor.RemoteActorError;
import tractor.Tractor;
import tractor.runtime.it.Calls;
import tractor.runtime.it.Ctxs;
import tractor.runtime.it.Sem;
import tractor.sc.CancelScope;
import tractor.sc.Event;
import tractor.sc.Nursery;
import tractor.sc.Sc;
import tractor.testkit.Bounded;

/** Cancellation races C.25–C.29 of the fault catalog ({@code faults.md}) over the backend × transport matrix. */
@Bounded(seconds = 30)
class CancelRacesTest {
    static Endpoint ep(String m) {
        return Endpoint.parse(Sem.class.getName() + "#" + m);
    }

    /**
     * C.25: the spawn is cancelled before the child connects back (at several moments) → no hang; the
     * child is destroyed and reaped (the leak check after the test finds no process, thread or socket).
     */
    @ParameterizedTest
    @MethodSource("tractor.runtime.Matrix#pairs")
    void c25_cancelDuringSpawn(String b, String t) throws Exception {
        for (long delay : new long[] {0, 30, 150}) {
            long t0 = System.nanoTime();
            Tractor.openNursery(Matrix.root(b, t), an -> {
                Portal[] p = {null};
                CancelScope.moveOnAfter(Duration.ofMillis(delay), sc -> p[0] = an.startActor("slow-spawn", ContextSemanticsTest.OPTS));
                if (p[0] != null) p[0].cancelActor(); // the spawn won the race: an ordinary daemon
            });
            double took = (System.nanoTime() - t0) / 1e9;
            assertTrue(took < 10, "took " + took + " s");
        }
    }

    /**
     * C.26: the child returns its result at the moment the parent cancels → exactly one outcome: "yo",
     * or ctxc(c=parent) absorbed; never both, never a hang.
     */
    @ParameterizedTest
    @MethodSource("tractor.runtime.Matrix#pairs")
    void c26_resultRacesTheCancel(String b, String t) throws Exception {
        Tractor.openNursery(Matrix.root(b, t), an -> {
            Portal p = an.startActor("racer", ContextSemanticsTest.OPTS);
            ActorId me = Tractor.currentActor().uid();
            for (long ms : new long[] {0, 1, 2, 5, 10, 20, 0, 1, 2, 5}) {
                Object r;
                try (Context ctx = p.openContext(ep("returnAfter"), false, ms)) {
                    if (ms > 0) Sc.sleep(Duration.ofMillis(ms));
                    ctx.cancel();
                    r = ctx.waitForResult();
                    assertTrue(ctx.hasOutcome());
                    assertSame(r, ctx.outcome());
                    if (r instanceof ContextCancelled cc) {
                        assertEquals(me, cc.canceller());
                        assertSame(cc, ctx.maybeError().orElseThrow());
                    } else {
                        assertEquals("yo", r);
                        assertTrue(ctx.maybeError().isEmpty());
                    }
                }
            }
            p.cancelActor();
        });
    }

    /** C.27: a sibling cancels a shared actor → the root's context to it gets ctxc(c=sibling). */
    @ParameterizedTest
    @MethodSource("tractor.runtime.Matrix#pairs")
    void c27_peerCanceller(String b, String t) throws Exception {
        Tractor.openNursery(Matrix.root(b, t), an -> {
            Portal sleeper = an.startActor("sleeper", ContextSemanticsTest.OPTS);
            Portal canceller = an.startActor("canceller", ContextSemanticsTest.OPTS);
            try (Context a = sleeper.openContext(Ctxs::sleepForever); Context c2 = sleeper.openContext(Ctxs::sleepForever)) {
                assertTrue(canceller.run(Sem::cancelPeer, "sleeper"));
                for (Context ctx : new Context[] {a, c2}) {
                    ContextCancelled cc = assertThrows(ContextCancelled.class, ctx::waitForResult);
                    assertEquals(canceller.peer(), cc.canceller());
                    assertEquals(sleeper.peer(), ctx.canceller());
                    assertFalse(ctx.cancelAcked());
                }
            } catch (ContextCancelled fromClose) {
                assertEquals(canceller.peer(), fromClose.canceller());
            }
            canceller.cancelActor();
        });
    }

    /**
     * C.28 (tractor's test_do_not_swallow_error_before_started_by_remote_contextcancelled): the child
     * cancels a nested context to a peer, then fails in started() (an unencodable value): the root gets
     * that error, not the ContextCancelled that follows.
     */
    @ParameterizedTest
    @MethodSource("tractor.runtime.Matrix#pairs")
    void c28_errorNotSwallowedByNestedCtxc(String b, String t) throws Exception {
        Tractor.openNursery(Matrix.root(b, t), an -> {
            Portal sleeper = an.startActor("sleeper", ContextSemanticsTest.OPTS);
            Portal errorer = an.startActor("errorer", ContextSemanticsTest.OPTS);
            RemoteActorError e = assertThrows(RemoteActorError.class, () -> errorer.openContext(ep("errorBeforeStarted"), false));
            assertFalse(e instanceof ContextCancelled, e.toString());
            String boxed = e.boxedTypeName();
            assertFalse(boxed.contains("Cancelled"), boxed);
            assertEquals(errorer.peer(), e.srcUid());
            errorer.cancelActor();
            sleeper.cancelActor();
        });
    }

    /**
     * C.29 (tractor's test_fast_graceful_cancel_when_spawn_task_in_soft_proc_wait_for_daemon): the
     * nursery's body returned, the supervisor waits (soft) on a live daemon, that wait is cancelled →
     * cancel_actor first, the child exits gracefully within 2.9 s (not after the hard-kill grace).
     */
    @ParameterizedTest
    @MethodSource("tractor.runtime.Matrix#pairs")
    void c29_softWaitCancelledWithADaemonAlive(String b, String t) throws Exception {
        long[] t0 = {0};
        long[] pid = {0};
        Event up = new Event();
        Nursery.run(n -> {
            n.startSoon(() -> Tractor.openNursery(Matrix.root(b, t), an -> {
                Portal d = an.startActor("daemon", ContextSemanticsTest.OPTS);
                pid[0] = d.run(Calls::pid);
                up.set();
                // the body returns: the nursery now waits for the daemon
            }));
            up.await();
            Sc.sleep(Duration.ofMillis(300));
            t0[0] = System.nanoTime();
            n.cancel();
        });
        double took = (System.nanoTime() - t0[0]) / 1e9;
        assertTrue(took < 2.9, "the daemon took " + took + " s to go");
        if (b.equals("process")) {
            assertFalse(ProcessHandle.of(pid[0]).map(ProcessHandle::isAlive).orElse(false), "daemon still alive");
        }
    }
}
