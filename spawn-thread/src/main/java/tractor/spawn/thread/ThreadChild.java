package tractor.spawn.thread;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import tractor.spawn.spi.ChildHandle;

/**
 * A child actor running on a thread of this JVM: a virtual thread for the shared class loader, a daemon
 * platform thread for an isolated one (see the package notes).
 *
 * <p><b>Stopping.</b> {@link #softStop()} interrupts the entry thread; the in-JVM runtime treats that
 * interrupt as its cancel signal (as a child JVM treats SIGTERM). {@link #hardStop()} interrupts too
 * and marks the child as killed: there is no safe way to kill a thread ({@code Thread.stop} is gone),
 * so the real stop mechanism of a thread child is the runtime's cancel request over IPC, and a child
 * that ignores both keeps running until this JVM exits (its thread is a daemon). {@link #describe()}
 * then says so.
 *
 * <p><b>Exit status.</b> 0 when the entry returns, 1 when it throws; the throwable's stack trace is
 * then {@link #stderrTail()}.
 */
final class ThreadChild implements ChildHandle {
    private final String actorName;
    private final Thread thread;
    private final CompletableFuture<Integer> exit = new CompletableFuture<>();
    private volatile String stackTrace = "";
    private volatile boolean killed;

    ThreadChild(String actorName, Consumer<List<String>> entry, List<String> args, boolean virtual) {
        this.actorName = actorName;
        Thread.Builder b = virtual ? Thread.ofVirtual() : Thread.ofPlatform().daemon(true);
        this.thread = b.name(actorName).unstarted(() -> run(entry, args));
    }

    void start() {
        thread.start();
    }

    private void run(Consumer<List<String>> entry, List<String> args) {
        int status = 0;
        try {
            entry.accept(args);
        } catch (Throwable t) {
            StringWriter w = new StringWriter();
            t.printStackTrace(new PrintWriter(w));
            stackTrace = w.toString().strip();
            status = 1;
        }
        exit.complete(status);
    }

    @Override
    public OptionalLong pid() {
        return OptionalLong.empty();
    }

    /**
     * {@code thread <name>}, followed by a warning once {@link #hardStop()} was called and the thread
     * is still running.
     */
    @Override
    public String describe() {
        if (killed && !exit.isDone()) return "thread " + actorName + " (hard-stopped but still running: a thread cannot be killed)";
        return "thread " + actorName;
    }

    /** A new future on every call, so a caller completing or cancelling it cannot affect others. */
    @Override
    public CompletableFuture<Integer> onExit() {
        return exit.copy();
    }

    /** Interrupts the entry thread: the in-JVM runtime's cancel signal. */
    @Override
    public void softStop() {
        thread.interrupt();
    }

    /**
     * Interrupts the entry thread and marks the child as killed. This cannot force a thread to end:
     * one that ignores interrupts keeps running (see {@link #describe()}).
     */
    @Override
    public void hardStop() {
        killed = true;
        thread.interrupt();
    }

    @Override
    public String stderrTail() {
        return stackTrace;
    }

    @Override
    public String toString() {
        return "ThreadChild[" + describe() + (exit.isDone() ? ", exited " + exit.join() : ", running") + "]";
    }
}
