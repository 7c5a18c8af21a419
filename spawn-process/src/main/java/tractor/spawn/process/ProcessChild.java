package tractor.spawn.process;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import tractor.spawn.spi.ChildHandle;
import tractor.spawn.spi.LinePump;

/**
 * A child JVM and the two platform threads draining its output. Its standard input is a pipe this
 * JVM holds open and never writes to: the child's parent-death signal (see the package description).
 *
 * <p>{@link #onExit()} completes with the exit status once the process has ended <em>and</em> both
 * output pipes reached end of file, so every line the child wrote has been forwarded by then. A pipe
 * still held open by an orphan of the child (a process it started with inherited output) is waited
 * for at most {@link #DRAIN_GRACE}.
 */
final class ProcessChild implements ChildHandle {
    /** How long the exit status waits for the output pipes after the process ended. */
    static final Duration DRAIN_GRACE = Duration.ofSeconds(2);
    private static final int TAIL_LINES = 50;

    private volatile String actorName;
    private final Process process;
    private final OutputStream stdin;
    private final LinePump out;
    private final LinePump err;
    private final CompletableFuture<Integer> exit = new CompletableFuture<>();

    ProcessChild(String actorName, Process process) {
        this.actorName = actorName;
        this.process = process;
        this.stdin = process.getOutputStream();
        String prefix = "[" + actorName + "] ";
        String thread = "tractor-spawn " + actorName + " " + process.pid();
        this.out = new LinePump(process.getInputStream(), prefix, () -> System.out, l -> false, 0, thread + " stdout");
        this.err = new LinePump(process.getErrorStream(), prefix, () -> System.err, l -> false, TAIL_LINES, thread + " stderr");
    }

    /** Starts draining and reaping; returns this. */
    ProcessChild start() {
        out.start();
        err.start();
        process.onExit().whenComplete((p, e) -> Thread.ofVirtual().name("tractor-spawn reap " + actorName).start(this::reap));
        return this;
    }

    private void reap() {
        try {
            out.awaitEnd(DRAIN_GRACE);
            err.awaitEnd(DRAIN_GRACE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            closeStdin();
            exit.complete(process.exitValue());
        }
    }

    /**
     * Hands a pooled child ({@link PoolMain}) its real start: one line on its standard input, then the
     * lines it writes are forwarded under the actor's name.
     *
     * @throws IOException when the pooled JVM is gone (its stdin pipe is broken)
     */
    void claim(String actorName, byte[] startLine) throws IOException {
        this.actorName = actorName;
        out.prefix("[" + actorName + "] ");
        err.prefix("[" + actorName + "] ");
        stdin.write(startLine);
        stdin.flush();
    }

    private void closeStdin() {
        try {
            stdin.close();
        } catch (IOException e) {
            // the child is gone: nothing reads this pipe any more
        }
    }

    @Override
    public OptionalLong pid() {
        return OptionalLong.of(process.pid());
    }

    @Override
    public String describe() {
        return "process " + process.pid() + " (" + actorName + ")";
    }

    /** A new future on every call, so a caller completing or cancelling it cannot affect others. */
    @Override
    public CompletableFuture<Integer> onExit() {
        return exit.copy();
    }

    /** Sends SIGTERM to the child JVM only; its shutdown hooks run, its own children follow via stdin EOF. */
    @Override
    public void softStop() {
        process.destroy();
    }

    /**
     * Sends SIGKILL to the child JVM and to every process below it (snapshotted first, since they are
     * re-parented once the child is gone), so that not even a descendant that ignores its stdin
     * outlives it.
     */
    @Override
    public void hardStop() {
        List<ProcessHandle> below = process.descendants().toList();
        process.destroyForcibly();
        below.forEach(ProcessHandle::destroyForcibly);
    }

    @Override
    public String stderrTail() {
        return err.tail();
    }

    boolean isAlive() {
        return !exit.isDone();
    }

    @Override
    public String toString() {
        return "ProcessChild[" + describe() + (exit.isDone() ? ", exited " + exit.join() : ", running") + "]";
    }
}
