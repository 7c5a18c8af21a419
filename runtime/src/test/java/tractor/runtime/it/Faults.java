package tractor.runtime.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import tractor.ActorOptions;
import tractor.Portal;
import tractor.Tractor;
import tractor.sc.Sc;

/**
 * Endpoints of the cancellation and process-fault scenarios: failing, crashing, uncancellable and
 * tree-building calls (children load this class from the class path).
 */
public final class Faults {
    private Faults() {}

    /** tractor's {@code assert_err}. */
    public static String assertErr() {
        throw new AssertionError("assert_err");
    }

    /** Throws IllegalStateException(message). */
    public static String fail(String message) {
        throw new IllegalStateException(message);
    }

    public static String sleepForever() {
        Sc.sleepForever();
        return "woke";
    }

    public static String sleepThenFail(long millis) {
        Sc.sleep(Duration.ofMillis(millis));
        throw new AssertionError("slept " + millis + " ms then failed");
    }

    public static String quick() {
        return "done";
    }

    /** The actor's JVM exits with {@code code} in the middle of this call. */
    public static int exitMidCall(int code, long afterMillis) {
        Sc.sleep(Duration.ofMillis(afterMillis));
        System.exit(code);
        return code;
    }

    /**
     * A synchronous, uncancellable CPU loop: it never reaches a checkpoint and ignores interrupts
     * (tractor's {@code time.sleep} in a grandchild). Ends after {@code millis} on its own.
     */
    public static long spin(long millis) {
        long end = System.nanoTime() + millis * 1_000_000L;
        long n = 0;
        while (System.nanoTime() < end) {
            n++;
            Thread.interrupted(); // swallow any interrupt: this code does not cooperate
        }
        return n;
    }

    /** Installs a shutdown hook that never returns (a child ignoring SIGTERM); returns the pid. */
    public static long blockShutdown() {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            while (true) {
                try {
                    Thread.sleep(Long.MAX_VALUE);
                } catch (InterruptedException ignored) {
                    // keep blocking
                }
            }
        }, "blocking-hook"));
        return ProcessHandle.current().pid();
    }

    /** Allocates until the heap is exhausted (run with a small -Xmx and -XX:+ExitOnOutOfMemoryError). */
    public static int allocateUntilOom() {
        List<long[]> hog = new ArrayList<>();
        while (true) hog.add(new long[1 << 20]);
    }

    /**
     * tractor's {@code spawn_and_error}: spawns two one-shots that recurse down to {@code depth}; the
     * leaves raise; the group of the two children's errors is raised here.
     */
    public static String spawnAndError(int breadth, int depth) throws Exception {
        String me = Tractor.currentActor().name();
        Tractor.openNursery(an -> {
            for (int i = 0; i < breadth; i++) {
                String name = me + "_" + i;
                if (depth > 0) an.runInActor(name, Faults::spawnAndError, breadth, depth - 1);
                else an.runInActor(name, Faults::assertErr);
            }
        });
        return "no error";
    }

    /**
     * Appends this actor's pid to {@code file}, then, while {@code depth > 0}, runs a one-shot child
     * doing the same one level down; the leaf sleeps forever (cancellably).
     */
    public static String subtree(String file, int depth) throws Exception {
        appendPid(file);
        if (depth <= 0) return sleepForever();
        Tractor.openNursery(an -> an.runInActor(Tractor.currentActor().name() + "_sub", Faults::subtree, file, depth - 1));
        return "subtree ended";
    }

    /** The middle actor of scenario 35: runs a grandchild stuck in {@link #spin} and waits for it. */
    public static String spinningGrandchild(String file, long spinMillis) throws Exception {
        appendPid(file);
        Tractor.openNursery(an -> {
            Portal p = an.startActor("spinner", ActorOptions.of().enable(Faults.class, tractor.runtime.it.Calls.class));
            appendPid(file, p.run(Calls::pid));
            p.run(Faults::spin, spinMillis);
        });
        return "spun";
    }

    public static void appendPid(String file) throws IOException {
        appendPid(file, ProcessHandle.current().pid());
    }

    static synchronized void appendPid(String file, long pid) throws IOException {
        Files.writeString(Path.of(file), pid + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                StandardOpenOption.WRITE);
    }
}
