package tractor.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tractor.ActorNursery;
import tractor.ActorOptions;
import tractor.Endpoint;
import tractor.Portal;
import tractor.RemoteActorError;
import tractor.Tractor;
import tractor.runtime.it.Calls;
import tractor.runtime.it.Faults;
import tractor.sc.CancelScope;
import tractor.sc.Cancelled;
import tractor.sc.ExceptionGroup;
import tractor.sc.Nursery;
import tractor.sc.Sc;
import tractor.testkit.Bounded;

/**
 * tractor's {@code tests/test_cancellation.py} (scenario catalog 20–36): remote errors, one-cancels-all,
 * error groups, cancellation of blocked and uncancellable children. Runs on {process, thread} × {tcp,
 * uds} unless a scenario says otherwise; the signal scenarios 33/34 are in {@link OrphanTest}.
 */
@Bounded(seconds = 30)
class CancellationTest {
    /** The runtime bug behind every disabled scenario of this class (see the report of the rt-cancel branch). */

    static final ActorOptions FAULTS = ActorOptions.of().enable(Faults.class, Calls.class);

    /** A stand-in for Python's KeyboardInterrupt: an error the body raises itself. */
    static final class Interrupt extends RuntimeException {
        Interrupt(String m) {
            super(m);
        }
    }

    static void assertRae(Throwable t, Class<? extends Throwable> boxed) {
        RemoteActorError e = assertInstanceOf(RemoteActorError.class, t, () -> "expected RAE(" + boxed.getSimpleName() + "), got " + t);
        assertEquals(boxed.getName(), e.boxedTypeName(), () -> "boxed type of " + e);
    }

    /** A bare RAE(boxed), or a group whose every leaf is one. */
    static void assertRaeOrGroupOf(Throwable t, Class<? extends Throwable> boxed) {
        if (t instanceof ExceptionGroup g) {
            List<Throwable> leaves = g.leaves(Throwable.class);
            assertFalse(leaves.isEmpty());
            leaves.forEach(l -> assertRae(l, boxed));
        } else {
            assertRae(t, boxed);
        }
    }

    /** 20. test_remote_error[no_args]: a one-shot raising AssertionError; its result() raises RAE(AssertionError). */
    @ParameterizedTest
    @MethodSource("tractor.runtime.Matrix#pairs")
    void remoteErrorFromOneShot(String backend, String transport) {
        Throwable t = assertThrows(Throwable.class, () -> Tractor.openNursery(Matrix.root(backend, transport), an -> {
            Portal p = an.runInActor("errorer", Faults::assertErr);
            RemoteActorError e = assertThrows(RemoteActorError.class, p::result);
            assertRae(e, AssertionError.class);
            assertEquals("errorer", e.srcUid().name());
            throw e;
        }));
        assertRaeOrGroupOf(t, AssertionError.class);
    }

    /** 21. test_remote_error[unexpected_args]: a one-shot submitted with an argument its endpoint does not take. */
    @ParameterizedTest
    @MethodSource("tractor.runtime.Matrix#pairs")
    void remoteErrorFromUnexpectedArgs(String backend, String transport) {
        Throwable t = assertThrows(Throwable.class, () -> Tractor.openNursery(Matrix.root(backend, transport), an -> {
            an.runInActor("errorer", ActorOptions.of(), Endpoint.parse(Faults.class.getName() + "#assertErr"), "unexpected");
        }));
        Throwable c = ExceptionGroup.collapse(t);
        RemoteActorError e = assertInstanceOf(RemoteActorError.class, c, () -> "expected an RAE, got " + c);
        assertEquals(IllegalArgumentException.class.getName(), e.boxedTypeName(), () -> "boxed type of " + e);
    }

    /** 22. test_multierror: two one-shots both raise; the body awaits the second's result → a group of ≥ 2. */
    @ParameterizedTest
    @MethodSource("tractor.runtime.Matrix#pairs")
    void multiError(String backend, String transport) {
        Throwable t = assertThrows(Throwable.class, () -> Tractor.openNursery(Matrix.root(backend, transport), an -> {
            an.runInActor("errorer1", Faults::assertErr);
            Portal p2 = an.runInActor("errorer2", Faults::sleepThenFail, 200L);
            try {
                p2.result();
            } catch (RemoteActorError e) {
                assertRae(e, AssertionError.class);
                throw e;
            }
        }));
        ExceptionGroup g = assertInstanceOf(ExceptionGroup.class, t, () -> "expected a group, got " + t);
        List<RemoteActorError> raes = g.leaves(RemoteActorError.class);
        assertTrue(raes.size() >= 2, () -> "expected ≥ 2 RAEs in " + g.exceptions());
        raes.forEach(r -> assertRae(r, AssertionError.class));
    }

    static Stream<Arguments> fastNursery() {
        return Stream.of(Arguments.of("thread", "tcp", 0L), Arguments.of("thread", "uds", 500L), Arguments.of("process", "tcp", 500L),
                Arguments.of("process", "uds", 0L));
    }

    /**
     * 23. test_multierror_fast_nursery (faults A.2): 25 one-shots raise at once or 0.5 s in, while others
     * are still spawning → a group of exactly 25 RAE(AssertionError), nothing left behind, < 30 s.
     */
    @ParameterizedTest
    @MethodSource("fastNursery")
    @Bounded(seconds = 45)
    void multiErrorFastNursery(String backend, String transport, long delay) {
        long t0 = System.nanoTime();
        Throwable t = assertThrows(Throwable.class, () -> Tractor.openNursery(Matrix.root(backend, transport), an -> {
            for (int i = 0; i < 25; i++) {
                if (delay == 0) an.runInActor("a" + i, Faults::assertErr);
                else an.runInActor("a" + i, Faults::sleepThenFail, delay);
            }
        }));
        assertTrue(Procs.secondsSince(t0) < 30, "cascade took " + Procs.secondsSince(t0) + " s");
        ExceptionGroup g = assertInstanceOf(ExceptionGroup.class, t, () -> "expected a group, got " + t);
        List<Throwable> leaves = g.leaves(Throwable.class);
        assertEquals(25, leaves.size(), () -> "leaves: " + leaves);
        leaves.forEach(l -> assertRae(l, AssertionError.class));
    }

    /** 24. test_cancel_single_subactor[nursery_cancel]: a daemon answers; an.cancel() → clean exit, child reaped. */
    @ParameterizedTest
    @MethodSource("tractor.runtime.Matrix#pairs")
    void cancelSingleSubactor(String backend, String transport) throws Exception {
        AtomicReference<ActorNursery> nursery = new AtomicReference<>();
        Tractor.openNursery(Matrix.root(backend, transport), an -> {
            nursery.set(an);
            Portal p = an.startActor("nothin", FAULTS);
            assertEquals("done", p.run(Faults::quick));
            an.cancel();
            assertTrue(an.cancelCalled());
        });
        assertTrue(nursery.get().cancelCalled());
    }

    /** 25. test_cancel_single_subactor[KeyboardInterrupt]: the body raises; that very error escapes; child reaped. */
    @ParameterizedTest
    @MethodSource("tractor.runtime.Matrix#pairs")
    void bodyErrorEscapesAndReaps(String backend, String transport) {
        Interrupt kbi = new Interrupt("ctrl-c");
        long[] pid = {0};
        Throwable t = assertThrows(Throwable.class, () -> Tractor.openNursery(Matrix.root(backend, transport), an -> {
            Portal p = an.startActor("nothin", FAULTS);
            pid[0] = p.run(Calls::pid);
            throw kbi;
        }));
        assertSame(kbi, ExceptionGroup.collapse(t), () -> "expected the body's own error, got " + t);
        if (backend.equals("process")) assertTrue(Procs.ended(pid[0]), "child " + pid[0] + " not reaped");
    }

    /**
     * 26. test_cancel_infinite_streamer: a child serving an endless call; a 1 s timeout around the tree
     * cancels it → the timeout scope caught the cancel, {@code an.cancelCalled}, < 4 s.
     */
    @ParameterizedTest
    @MethodSource("tractor.runtime.Matrix#pairs")
    void cancelInfiniteStreamer(String backend, String transport) throws Exception {
        AtomicReference<ActorNursery> nursery = new AtomicReference<>();
        long t0 = System.nanoTime();
        CancelScope s = CancelScope.moveOnAfter(Duration.ofSeconds(1), scope -> Tractor.openNursery(Matrix.root(backend, transport), an -> {
            nursery.set(an);
            Portal p = an.startActor("donny", FAULTS);
            p.run(Calls::sleepForever);
            fail("the endless call returned");
        }));
        double took = Procs.secondsSince(t0);
        assertTrue(s.cancelledCaught(), "the timeout scope did not catch its cancel");
        assertNotNull(nursery.get());
        assertTrue(nursery.get().cancelCalled(), "an.cancelCalled() is false after the timeout");
        assertTrue(took < 4, "took " + took + " s");
    }

    static Stream<Arguments> someCancelsAll() {
        return Matrix.pairs().flatMap(a -> Stream.of(2, 3).map(n -> Arguments.of(a.get()[0], a.get()[1], n)));
    }

    /** 27. test_some_cancels_all[1_run_in_actor_fails]: 1 daemon + 1 failing one-shot → a bare RAE; cancelCalled; < 10 s. */
    @ParameterizedTest
    @MethodSource("tractor.runtime.Matrix#pairs")
    void oneRunInActorFails(String backend, String transport) {
        AtomicReference<ActorNursery> nursery = new AtomicReference<>();
        long t0 = System.nanoTime();
        Throwable t = assertThrows(Throwable.class, () -> Tractor.openNursery(Matrix.root(backend, transport), an -> {
            nursery.set(an);
            an.startActor("daemon", FAULTS);
            an.runInActor("errorer", Faults::assertErr);
        }));
        assertRae(t, AssertionError.class);
        assertTrue(nursery.get().cancelCalled());
        assertTrue(Procs.secondsSince(t0) < 10, "took " + Procs.secondsSince(t0) + " s");
    }

    /**
     * 28. test_some_cancels_all[2|3_run_in_actors_fail]: N daemons + N failing one-shots → a group of
     * exactly N members, each RAE(AssertionError) or Cancelled; every daemon cancelled.
     */
    @ParameterizedTest
    @MethodSource("someCancelsAll")
    void manyRunInActorsFail(String backend, String transport, int n) {
        Throwable t = assertThrows(Throwable.class, () -> Tractor.openNursery(Matrix.root(backend, transport), an -> {
            for (int i = 0; i < n; i++) an.startActor("daemon" + i, FAULTS);
            for (int i = 0; i < n; i++) an.runInActor("errorer" + i, Faults::assertErr);
        }));
        ExceptionGroup g = assertInstanceOf(ExceptionGroup.class, t, () -> "expected a group, got " + t);
        assertEquals(n, g.exceptions().size(), () -> "members: " + g.exceptions());
        for (Throwable m : g.exceptions()) {
            if (!(m instanceof Cancelled)) assertRae(m, AssertionError.class);
        }
    }

    /**
     * 29. test_some_cancels_all[1_daemon_actors_fail]: 3 daemons + 3 one-shots sleeping forever; a
     * daemon call raises in the body → the nursery raises that single RAE; everything else cancelled.
     */
    @ParameterizedTest
    @MethodSource("tractor.runtime.Matrix#pairs")
    void daemonCallFails(String backend, String transport) {
        Throwable t = assertThrows(Throwable.class, () -> Tractor.openNursery(Matrix.root(backend, transport), an -> {
            Portal first = null;
            for (int i = 0; i < 3; i++) {
                Portal p = an.startActor("daemon" + i, FAULTS);
                if (first == null) first = p;
            }
            for (int i = 0; i < 3; i++) an.runInActor("sleeper" + i, Faults::sleepForever);
            first.run(Faults::assertErr);
            fail("assertErr returned");
        }));
        assertRae(t, AssertionError.class);
    }

    /**
     * 30. test_some_cancels_all[1_daemon_actors_fail_all_run_in_actors_dun_quick]: the one-shots finish
     * at once, a daemon call fails after 1 s → a single RAE(AssertionError).
     */
    @ParameterizedTest
    @MethodSource("tractor.runtime.Matrix#pairs")
    void daemonCallFailsAfterQuickOneShots(String backend, String transport) {
        Throwable t = assertThrows(Throwable.class, () -> Tractor.openNursery(Matrix.root(backend, transport), an -> {
            Portal d = an.startActor("daemon", FAULTS);
            for (int i = 0; i < 3; i++) an.runInActor("quick" + i, Faults::quick);
            d.run(Faults::sleepThenFail, 1000L);
            fail("sleepThenFail returned");
        }));
        assertRae(t, AssertionError.class);
    }

    /**
     * 31. test_some_cancels_all[no_daemon_actors_fail_all_run_in_actors_sleep_then_fail]: daemon calls
     * succeed; 3 one-shots fail after 1 s → a group of 3 RAE(AssertionError).
     */
    @ParameterizedTest
    @MethodSource("tractor.runtime.Matrix#pairs")
    void oneShotsSleepThenFail(String backend, String transport) {
        Throwable t = assertThrows(Throwable.class, () -> Tractor.openNursery(Matrix.root(backend, transport), an -> {
            Portal d = an.startActor("daemon", FAULTS);
            assertEquals("done", d.run(Faults::quick));
            for (int i = 0; i < 3; i++) an.runInActor("sleeper" + i, Faults::sleepThenFail, 1000L);
            assertEquals(5, d.run(Calls::add, 2, 3));
        }));
        ExceptionGroup g = assertInstanceOf(ExceptionGroup.class, t, () -> "expected a group, got " + t);
        List<Throwable> leaves = g.leaves(Throwable.class);
        assertEquals(3, leaves.size(), () -> "leaves: " + leaves);
        leaves.forEach(l -> assertRae(l, AssertionError.class));
    }

    static Stream<Arguments> nested() {
        return Stream.concat(Matrix.pairs().map(a -> Arguments.of(a.get()[0], a.get()[1], 1, 6 * 3)),
                Stream.of(Arguments.of("thread", "tcp", 3, 12), Arguments.of("thread", "uds", 3, 12)));
    }

    /**
     * 32. test_nested_multierrors[depth=1|3]: two spawners recursively spawn two one-shots each down to
     * {@code depth}; the leaves raise → a group of exactly 2, each an RAE boxing an ExceptionGroup.
     * Depth 3 (30 actors) runs on the thread backend only; the process budget is 3× trio's (JVM start).
     */
    @ParameterizedTest
    @MethodSource("nested")
    void nestedMultiErrors(String backend, String transport, int depth, int budgetSeconds) {
        long t0 = System.nanoTime();
        Throwable t = assertThrows(Throwable.class, () -> Tractor.openNursery(Matrix.root(backend, transport), an -> {
            for (int i = 0; i < 2; i++) an.runInActor("spawner" + i, Faults::spawnAndError, 2, depth - 1);
        }));
        double took = Procs.secondsSince(t0);
        ExceptionGroup g = assertInstanceOf(ExceptionGroup.class, t, () -> "expected a group, got " + t);
        assertEquals(2, g.exceptions().size(), () -> "members: " + g.exceptions());
        for (Throwable m : g.exceptions()) {
            RemoteActorError e = assertInstanceOf(RemoteActorError.class, m, () -> "member " + m);
            assertEquals(ExceptionGroup.class.getName(), e.boxedTypeName(), () -> "boxed type of " + e);
        }
        assertTrue(took < budgetSeconds, "took " + took + " s, budget " + budgetSeconds + " s");
    }

    /**
     * 35. test_cancel_while_childs_child_in_sync_sleep (faults A.7): a grandchild stuck in an
     * uncancellable CPU loop; the root raises after 1 s → its own error escapes within 6 s, and the
     * grandchild is hard-killed by its parent's reaper. Process backend only (a thread cannot be killed).
     */
    @ParameterizedTest
    @MethodSource("tractor.runtime.Matrix#processPairs")
    void cancelWhileGrandchildInSyncSleep(String backend, String transport) throws Exception {
        Path file = Procs.pidFile();
        try {
            AssertionError mine = new AssertionError("root fails after 1 s");
            long[] t0 = {0};
            Throwable t = assertThrows(Throwable.class, () -> Tractor.openNursery(Matrix.root(backend, transport), an -> {
                an.runInActor("middle", Faults::spinningGrandchild, file.toString(), 20_000L);
                Procs.awaitPids(file, 2, Duration.ofSeconds(20)); // both JVMs up: the grandchild is (about to be) spinning
                t0[0] = System.nanoTime();
                Sc.sleep(Duration.ofSeconds(1));
                throw mine;
            }));
            double took = Procs.secondsSince(t0[0]);
            assertSame(mine, ExceptionGroup.collapse(t), () -> "expected the root's own error, got " + t);
            assertTrue(took < 6, "took " + took + " s");
            List<Long> pids = Procs.readPids(file);
            assertEquals(2, pids.size(), () -> "pids of middle and grandchild: " + pids);
            assertEquals(List.of(), Procs.survivorsAfter(pids, Duration.ofMillis(500)), "survivors");
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /**
     * 36. test_fast_graceful_cancel_when_spawn_task_in_soft_proc_wait_for_daemon: the body is done, the
     * nursery waits on an idle daemon; a sibling task raises after 0.5 s → that error escapes and the
     * whole thing takes < 2.9 s (a graceful cancel, not the hard-kill timeouts).
     */
    @ParameterizedTest
    @MethodSource("tractor.runtime.Matrix#pairs")
    void fastGracefulCancelWhileWaitingForDaemon(String backend, String transport) {
        Interrupt kbi = new Interrupt("ctrl-c from a sibling");
        long[] t0 = {0};
        Throwable t = assertThrows(Throwable.class, () -> Nursery.run(n -> {
            n.startSoon("root", () -> Tractor.openNursery(Matrix.root(backend, transport), an -> {
                an.startActor("daemon", FAULTS);
                t0[0] = System.nanoTime();
                n.startSoon("sibling", () -> {
                    Sc.sleep(Duration.ofMillis(500));
                    throw kbi;
                });
            }));
        }));
        double took = Procs.secondsSince(t0[0]);
        assertSame(kbi, ExceptionGroup.collapse(t), () -> "expected the sibling's error, got " + t);
        assertTrue(took < 2.9, "took " + took + " s after the daemon was up");
    }
}
