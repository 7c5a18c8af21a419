package tractor.sc;

import java.time.Duration;

/**
 * Checkpoints and small entry points of the structured-concurrency core.
 *
 * <p>A checkpoint is a place where cancellation is delivered: {@link #checkpoint()}, {@link #sleep},
 * and every blocking operation of the library (channel send and receive, {@link Event#await()},
 * {@link Lock#acquire()}, {@code Nursery.start}). Code blocked in plain JDK calls ({@code Thread.sleep},
 * {@code BlockingQueue.take}, interruptible I/O) is woken by the same interrupt and its
 * {@code InterruptedException} is taken as the cancellation when it leaves a cancelled scope.
 */
public final class Sc {
    private Sc() {}

    /** A body that returns a value and may throw. */
    @FunctionalInterface
    public interface Call<T> {
        T call() throws Exception;
    }

    /** A body that may throw. */
    @FunctionalInterface
    public interface Task {
        void run() throws Exception;
    }

    /** Throws {@link Cancelled} if the calling task is cancelled, then yields to other tasks. */
    public static void checkpoint() {
        Parking.checkCancelled();
        Thread.yield();
    }

    /** Throws {@link Cancelled} if the calling task is cancelled; never yields. */
    public static void checkpointIfCancelled() {
        Parking.checkCancelled();
    }

    /** Sleeps for {@code d}; a checkpoint (a zero or negative duration only checks for cancellation). */
    public static void sleep(Duration d) {
        Parking.sleepUntil(deadlineAfter(d));
    }

    /** Sleeps until {@link System#nanoTime()} reaches {@code deadline}. */
    public static void sleepUntil(long deadline) {
        Parking.sleepUntil(deadline);
    }

    /** Blocks until cancelled; always ends by throwing {@link Cancelled}. */
    public static void sleepForever() {
        Parking.await(() -> false, () -> true);
        throw new IllegalStateException("unreachable: sleepForever returned");
    }

    /**
     * An iterator over the values {@code receive} returns, ending quietly when it throws
     * {@link EndOfChannelException}: the iteration of every receiving end (channels, broadcast receivers,
     * message streams).
     */
    public static <T> java.util.Iterator<T> iterate(java.util.function.Supplier<? extends T> receive) {
        return new java.util.Iterator<>() {
            private T next;
            private boolean ready;
            private boolean ended;

            @Override
            public boolean hasNext() {
                if (ready) return true;
                if (ended) return false;
                try {
                    next = receive.get();
                    ready = true;
                } catch (EndOfChannelException e) {
                    ended = true;
                }
                return ready;
            }

            @Override
            public T next() {
                if (!hasNext()) throw new java.util.NoSuchElementException("end of channel");
                ready = false;
                T v = next;
                next = null;
                return v;
            }
        };
    }

    /** The clock of deadlines: {@link System#nanoTime()}. */
    public static long currentTime() {
        return System.nanoTime();
    }

    /** The absolute deadline {@code d} from now, saturating at "none" for huge durations. */
    public static long deadlineAfter(Duration d) {
        long now = System.nanoTime();
        long n;
        try {
            n = d.toNanos();
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
        long at = now + n;
        return n > 0 && at < now ? Long.MAX_VALUE : at;
    }

    /** The innermost cancel scope of the calling thread. */
    public static CancelScope currentScope() {
        return TaskImpl.current().current;
    }

    /**
     * Runs {@code body} in the calling task through {@code hook}, and every task started in a nursery
     * opened within {@code body} (transitively) through it too; see {@link TaskHook}. Hooks nest: an
     * outer hook runs around an inner one.
     *
     * @throws Exception what {@code body} (or the hook) throws
     */
    public static void withTaskHook(TaskHook hook, Task body) throws Exception {
        java.util.Objects.requireNonNull(hook, "hook");
        TaskImpl t = TaskImpl.current();
        TaskHook previous = t.hook;
        t.hook = previous == null ? hook : previous.andThen(hook);
        try {
            hook.run(t.name, body);
        } finally {
            t.hook = previous;
        }
    }

    /** The name of the calling task (the thread name for threads no nursery started). */
    public static String currentTaskName() {
        return TaskImpl.current().name;
    }

    /**
     * Opens a memory channel (trio's {@code open_memory_channel}) holding up to {@code capacity} values
     * in flight; 0 makes every send wait for a receiver.
     *
     * @throws IllegalArgumentException when {@code capacity} is negative
     */
    public static <T> MemoryChannel<T> openMemoryChannel(int capacity) {
        return MemoryChannelState.open(capacity);
    }
}
