package tractor.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tractor.ActorOptions;
import tractor.ActorStartupError;
import tractor.Endpoint;
import tractor.Portal;
import tractor.RemoteActorError;
import tractor.Teardown;
import tractor.Tractor;
import tractor.TransportClosed;
import tractor.runtime.it.Calls;
import tractor.runtime.it.Faults;
import tractor.sc.ExceptionGroup;
import tractor.sc.Nursery;
import tractor.sc.Sc;
import tractor.testkit.Bounded;

/**
 * Process faults A.1–A.9, A.13 of the fault catalog ({@code faults.md}); A.2 and A.7 are scenarios 23
 * and 35 of {@link CancellationTest}, A.10–A.12 are in {@link OrphanTest}. Crashes, exit codes, signals
 * and JVM options exist only for child JVMs: everything but A.1 runs on the process backend only
 * (both transports). Bounds: ACK 0.5 s, NC 3 s, HK 1.6 s ({@link Teardown#DEFAULTS}).
 */
@Bounded(seconds = 30)
class ProcessFaultsTest {
    static final ActorOptions FAULTS = ActorOptions.of().enable(Faults.class, Calls.class);
    static final double NC = Teardown.DEFAULTS.nurseryBudget().toMillis() / 1000.0;
    static final double HK = Teardown.DEFAULTS.terminateGrace().toMillis() / 1000.0;
    /** Head room for a loaded 2-core machine on top of a scenario's own bound. */
    static final double SLACK = 1.5;

    /** A child's crash as a caller sees it: the channel closed, or a remote error about it. */
    static void assertCrash(Throwable t) {
        Throwable c = ExceptionGroup.collapse(t);
        if (c instanceof ExceptionGroup g) {
            g.exceptions().forEach(ProcessFaultsTest::assertCrash);
            return;
        }
        assertTrue(c instanceof TransportClosed || c instanceof RemoteActorError || c instanceof tractor.ActorCrashed,
                () -> "expected TransportClosed, an RAE or ActorCrashed, got " + c);
    }

    /** A.1: a one-shot throws; result() raises RAE(original); the daemon sibling is cancelled and all are reaped within NC. */
    @ParameterizedTest
    @MethodSource("tractor.runtime.Matrix#pairs")
    void childThrowsDuringRpc(String backend, String transport) {
        long[] failedAt = {0};
        Throwable t = assertThrows(Throwable.class, () -> Tractor.openNursery(Matrix.root(backend, transport), an -> {
            an.startActor("sibling", FAULTS).run(Calls::pid);
            Portal p = an.runInActor("thrower", Faults::fail, "boom");
            try {
                p.result();
            } catch (RemoteActorError e) {
                failedAt[0] = System.nanoTime();
                assertEquals(IllegalStateException.class, e.boxedType().orElseThrow());
                throw e;
            }
        }));
        double reaping = Procs.secondsSince(failedAt[0]);
        // the body's rethrow and the supervisor's both count: a bare RAE or a group of them (as scenario 20)
        CancellationTest.assertRaeOrGroupOf(t, IllegalStateException.class);
        assertTrue(reaping < NC, "reaping took " + reaping + " s, NC is " + NC + " s");
    }

    /**
     * A.3 (in a call): a daemon's JVM calls System.exit(3) mid-call → the pending run raises at once
     * (TransportClosed, unless the crash cancelled the caller first), the crash is a child error
     * (ActorCrashed, exit code 3) that cancels the sibling, and everything is reaped.
     */
    @ParameterizedTest
    @MethodSource("tractor.runtime.Matrix#processPairs")
    void childExitsMidCall(String backend, String transport) {
        long[] t0 = {0};
        Throwable[] call = new Throwable[1];
        tractor.ActorCrashed crash = assertThrows(tractor.ActorCrashed.class, () -> Tractor.openNursery(Matrix.root(backend, transport), an -> {
            an.startActor("sibling", FAULTS);
            Portal p = an.startActor("exiter", FAULTS);
            t0[0] = System.nanoTime();
            try {
                p.run(Faults::exitMidCall, 3, 200L);
            } catch (TransportClosed e) {
                call[0] = e;
            }
            Sc.sleepForever(); // the crash cancels the body
        }));
        double took = Procs.secondsSince(t0[0]);
        assertEquals(3, crash.exitCode());
        assertTrue(call[0] == null || call[0] instanceof TransportClosed);
        assertTrue(took < 0.2 + SLACK, "the crash surfaced after " + took + " s");
    }

    /** A.3 (one-shot): a one-shot exits with 3 → the nursery raises at once; its daemon sibling is cancelled and reaped. */
    @ParameterizedTest
    @MethodSource("tractor.runtime.Matrix#processPairs")
    void oneShotExits(String backend, String transport) {
        long[] t0 = {0};
        Throwable t = assertThrows(Throwable.class, () -> Tractor.openNursery(Matrix.root(backend, transport), an -> {
            an.startActor("sibling", FAULTS).run(Calls::pid);
            t0[0] = System.nanoTime();
            an.runInActor("exiter", Faults::exitMidCall, 3, 200L);
            Sc.sleepForever();
        }));
        double took = Procs.secondsSince(t0[0]);
        assertCrash(t);
        assertTrue(took < 0.2 + NC, "took " + took + " s");
    }

    /** A.4: a daemon SIGKILLed mid-call → the pending run raises at once; ActorCrashed(137); its UDS socket file is unlinked (leak check). */
    @ParameterizedTest
    @MethodSource("tractor.runtime.Matrix#processPairs")
    void childSigkilledMidCall(String backend, String transport) {
        long[] killedAt = {0};
        Throwable[] call = new Throwable[1];
        tractor.ActorCrashed crash = assertThrows(tractor.ActorCrashed.class, () -> Tractor.openNursery(Matrix.root(backend, transport), an -> {
            an.startActor("sibling", FAULTS);
            Portal p = an.startActor("victim", FAULTS);
            long pid = p.run(Calls::pid);
            Nursery.run(n -> {
                n.startSoon("killer", () -> {
                    Sc.sleep(Duration.ofMillis(300));
                    killedAt[0] = System.nanoTime();
                    ProcessHandle.of(pid).orElseThrow().destroyForcibly();
                });
                try {
                    p.run(Calls::sleepForever);
                } catch (TransportClosed e) {
                    call[0] = e;
                }
            });
            Sc.sleepForever(); // the crash cancels the body
        }));
        double took = Procs.secondsSince(killedAt[0]);
        assertEquals(137, crash.exitCode());
        assertTrue(call[0] == null || call[0] instanceof TransportClosed);
        assertTrue(took < SLACK, "the crash surfaced " + took + " s after the SIGKILL");
    }

    /**
     * A.5: a child stuck in a CPU loop that never checks for cancellation; the teardown ladder (ack,
     * NC, SIGTERM, HK, SIGKILL) ends it within NC + HK.
     */
    @ParameterizedTest
    @MethodSource("tractor.runtime.Matrix#processPairs")
    void childIgnoresCancellation(String backend, String transport) throws Exception {
        long[] t0 = {0};
        Tractor.openNursery(Matrix.root(backend, transport), an -> {
            Portal p = an.startActor("spinner", FAULTS);
            long pid = p.run(Calls::pid);
            Nursery.run(n -> {
                n.startSoon("caller", () -> callIgnoringItsEnd(p));
                Sc.sleep(Duration.ofMillis(300));
                t0[0] = System.nanoTime();
                an.cancel();
                n.cancel();
            });
            assertTrue(Procs.ended(pid), "spinner still alive after an.cancel()");
        });
        double took = Procs.secondsSince(t0[0]);
        System.out.println("[timing] teardown of " + backend + "/" + transport + " took " + took + " s");
        assertTrue(took < NC + HK + SLACK, "teardown took " + took + " s, NC + HK = " + (NC + HK) + " s");
    }

    /** A.6: a child whose JVM ignores SIGTERM (a shutdown hook that blocks) and cancellation → SIGKILL after HK. */
    @ParameterizedTest
    @MethodSource("tractor.runtime.Matrix#processPairs")
    void childIgnoresSigterm(String backend, String transport) throws Exception {
        long[] t0 = {0};
        Tractor.openNursery(Matrix.root(backend, transport), an -> {
            Portal p = an.startActor("stubborn", FAULTS);
            long pid = p.run(Faults::blockShutdown);
            Nursery.run(n -> {
                n.startSoon("caller", () -> callIgnoringItsEnd(p));
                Sc.sleep(Duration.ofMillis(300));
                t0[0] = System.nanoTime();
                an.cancel();
                n.cancel();
            });
            assertTrue(Procs.ended(pid), "stubborn child still alive after an.cancel()");
        });
        double took = Procs.secondsSince(t0[0]);
        System.out.println("[timing] teardown of " + backend + "/" + transport + " took " + took + " s");
        assertTrue(took < NC + HK + SLACK, "teardown took " + took + " s, NC + HK = " + (NC + HK) + " s");
    }

    /** Calls {@link Faults#spin} for a minute; how that call ends when the child is reaped does not matter here. */
    private static void callIgnoringItsEnd(Portal p) {
        try {
            p.run(Faults::spin, 60_000L);
        } catch (TransportClosed | RemoteActorError e) {
            // the child was torn down under the call
        }
    }

    /** A.8: the child JVM fails to start → ActorStartupError with the exit code and the stderr tail; the nursery goes on. */
    @Test
    void childJvmFailsToStart() throws Exception {
        Tractor.openNursery(Matrix.root("process", "tcp"), an -> {
            long t0 = System.nanoTime();
            ActorStartupError e = assertThrows(ActorStartupError.class,
                    () -> an.startActor("broken", FAULTS.jvmOptions("-XX:+BogusOption").spawnTimeout(Duration.ofSeconds(20))));
            double took = Procs.secondsSince(t0);
            assertTrue(e.getMessage().contains("exited with code 1"), () -> "no exit code in: " + e.getMessage());
            assertTrue(e.getMessage().contains("BogusOption"), () -> "no stderr tail in: " + e.getMessage());
            assertTrue(took < 20, "took " + took + " s");
            Portal fine = an.startActor("fine", FAULTS);
            assertEquals(5, fine.run(Calls::add, 2, 3), "the nursery is still usable");
            assertTrue(fine.cancelActor());
        });
    }

    /**
     * A.9: the child starts but never connects back (its "java" is a script that just sleeps) →
     * ActorStartupError after the spawn timeout; the process is destroyed and reaped (leak check).
     */
    @Test
    void childNeverConnectsBack() throws Exception {
        Path script = Procs.pidFile().resolveSibling("never-connects-" + ProcessHandle.current().pid() + ".sh");
        Files.writeString(script, "#!/bin/sh\nexec sleep 60\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        try {
            Tractor.openNursery(Matrix.root("process", "tcp"), an -> {
                Duration timeout = Duration.ofSeconds(2);
                long t0 = System.nanoTime();
                ActorStartupError e = assertThrows(ActorStartupError.class,
                        () -> an.startActor("mute", FAULTS.backendOption("java", script.toString()).spawnTimeout(timeout)));
                double took = Procs.secondsSince(t0);
                assertTrue(e.getMessage().contains("did not connect back"), () -> e.getMessage());
                assertTrue(took >= 2 && took < 2 + HK + SLACK, "took " + took + " s");
            });
        } finally {
            Files.deleteIfExists(script);
        }
    }

    /** A.13: OutOfMemoryError in a child run with -XX:+ExitOnOutOfMemoryError → the parent sees the crash, never a half-alive actor. */
    @ParameterizedTest
    @MethodSource("tractor.runtime.Matrix#processPairs")
    void childRunsOutOfMemory(String backend, String transport) {
        long t0 = System.nanoTime();
        Throwable t = assertThrows(Throwable.class, () -> Tractor.openNursery(Matrix.root(backend, transport), an -> {
            an.startActor("sibling", FAULTS);
            Portal p = an.runInActor("hog", FAULTS.jvmOptions("-XX:+ExitOnOutOfMemoryError", "-Xmx48m"), Endpoint.of(
                    (tractor.Endpoints.Fn0<Integer>) Faults::allocateUntilOom));
            p.result();
            fail("allocateUntilOom returned");
        }));
        double took = Procs.secondsSince(t0);
        assertCrash(t);
        assertTrue(took < 15, "took " + took + " s");
    }
}
