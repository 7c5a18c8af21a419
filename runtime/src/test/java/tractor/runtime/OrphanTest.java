package tractor.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tractor.ActorOptions;
import tractor.Portal;
import tractor.Tractor;
import tractor.TransportClosed;
import tractor.RemoteActorError;
import tractor.runtime.it.Calls;
import tractor.runtime.it.Faults;
import tractor.runtime.it.TreeRoot;
import tractor.sc.ExceptionGroup;
import tractor.testkit.Bounded;

/**
 * No process outlives its parent: faults A.10–A.12 and scenarios 33/34 (SIGINT). Process backend
 * only. A root that is not this JVM is {@link TreeRoot}, started as a JVM of its own; every actor of
 * its tree writes its pid to a file, and the test checks each of them itself, since an orphan
 * re-parented to init is no descendant of this JVM (the leak check cannot see it).
 */
@Bounded(seconds = 40)
class OrphanTest {
    /**
     * A.10: the root JVM gets SIGKILL while holding a 3-level process tree (root → mid → mid_sub →
     * mid_sub_sub) → every descendant is gone within 2 s (tractor leaves orphans here; the port must not).
     */
    @ParameterizedTest
    @ValueSource(ints = {3})
    void sigkilledRootLeavesNoOrphans(int depth) throws Exception {
        Path file = Procs.pidFile();
        Process root = Procs.startJvm(TreeRoot.class, "tree", file.toString(), Integer.toString(depth));
        try {
            List<Long> pids = Procs.awaitPids(file, depth + 1, Duration.ofSeconds(25));
            assertEquals(root.pid(), pids.getFirst());
            long t0 = System.nanoTime();
            root.destroyForcibly();
            root.waitFor(5, TimeUnit.SECONDS);
            List<Long> survivors = Procs.survivorsAfter(pids.subList(1, pids.size()), Duration.ofSeconds(2));
            assertEquals(List.of(), survivors, "descendants alive 2 s after the root's SIGKILL (" + Procs.secondsSince(t0) + " s)");
        } finally {
            root.destroyForcibly();
            root.waitFor(5, TimeUnit.SECONDS);
            Procs.survivorsAfter(Procs.readPids(file), Duration.ZERO);
            Files.deleteIfExists(file);
        }
    }

    /**
     * A.12 and 33/34 (test_cancel_via_SIGINT[_other_task]): SIGINT or SIGTERM to a root JVM holding a
     * daemon and three one-shots sleeping forever (spawned from another task) → a graceful cancel of the
     * whole tree; the root exits 130 / 143 within 2 s (+1 s head room for a loaded machine); no orphan.
     */
    @ParameterizedTest
    @ValueSource(strings = {"INT", "TERM"})
    void signalledRootTearsDownGracefully(String signal) throws Exception {
        Path file = Procs.pidFile();
        Process root = Procs.startJvm(TreeRoot.class, "sleepers", file.toString());
        try {
            List<Long> pids = Procs.awaitPids(file, 5, Duration.ofSeconds(30));
            Procs.awaitLine(root, "READY", Duration.ofSeconds(10), new StringBuilder());
            long t0 = System.nanoTime();
            Procs.signal(root.pid(), signal);
            assertTrue(root.waitFor(3, TimeUnit.SECONDS), "root still running 3 s after SIG" + signal);
            double took = Procs.secondsSince(t0);
            assertEquals(signal.equals("INT") ? 130 : 143, root.exitValue(), "root's exit code");
            List<Long> survivors = Procs.survivorsAfter(pids.subList(1, pids.size()), Duration.ZERO);
            assertEquals(List.of(), survivors, "actors alive after the root exited (" + took + " s)");
        } finally {
            root.destroyForcibly();
            root.waitFor(5, TimeUnit.SECONDS);
            Procs.survivorsAfter(Procs.readPids(file), Duration.ZERO);
            Files.deleteIfExists(file);
        }
    }

    /**
     * A.11: a middle actor (holding a grandchild) gets SIGKILL → the root sees the crash as a child
     * failure, cancels the sibling and reaps everything; the grandchild ends on its own (stdin EOF)
     * within PD + the orphan grace.
     */
    @ParameterizedTest
    @MethodSource("tractor.runtime.Matrix#processPairs")
    void sigkilledMiddleActor(String backend, String transport) throws Exception {
        Path file = Procs.pidFile();
        try {
            List<Long>[] pids = new List[1];
            long[] t0 = {0};
            Throwable t = org.junit.jupiter.api.Assertions.assertThrows(Throwable.class,
                    () -> Tractor.openNursery(Matrix.root(backend, transport), an -> {
                        Portal sibling = an.startActor("sibling", ActorOptions.of().enable(Calls.class));
                        an.runInActor("mid", Faults::subtree, file.toString(), 1);
                        pids[0] = Procs.awaitPids(file, 2, Duration.ofSeconds(20));
                        t0[0] = System.nanoTime();
                        ProcessHandle.of(pids[0].getFirst()).orElseThrow().destroyForcibly();
                        sibling.run(Calls::sleepForever);
                    }));
            double took = Procs.secondsSince(t0[0]);
            Throwable c = ExceptionGroup.collapse(t);
            assertTrue(c instanceof tractor.ActorCrashed a && a.exitCode() == 137, () -> "expected the mid's crash, got " + t);
            assertTrue(took < 1.5, "the root noticed the crash after " + took + " s");
            List<Long> survivors = Procs.survivorsAfter(pids[0], Duration.ofSeconds(3));
            assertEquals(List.of(), survivors, "grandchild alive 3 s after its parent's SIGKILL");
        } finally {
            Procs.survivorsAfter(Procs.readPids(file), Duration.ZERO);
            Files.deleteIfExists(file);
        }
    }

}
