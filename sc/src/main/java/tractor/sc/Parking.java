package tractor.sc;

import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Every blocking operation of the library waits here: a cancellable park. The order inside the loop
 * (clear the interrupt flag, then read the cancellation state, then park) loses no wake-up, because a
 * canceller writes the state before it interrupts.
 */
final class Parking {
    private Parking() {}

    /**
     * Blocks until {@code done} holds. On cancellation calls {@code tryAbort}: true means the wait was
     * withdrawn and {@link Cancelled} is thrown; false means it completed concurrently and wins.
     */
    static void await(BooleanSupplier done, BooleanSupplier tryAbort) {
        TaskImpl t = TaskImpl.current();
        try {
            while (true) {
                Thread.interrupted();
                if (done.getAsBoolean()) return;
                CancelScopeImpl src = t.cancelSource();
                if (src != null) {
                    if (tryAbort.getAsBoolean()) throw new Cancelled(src);
                    return;
                }
                LockSupport.park(done);
            }
        } finally {
            t.syncInterruptFlag();
        }
    }

    /** Blocks until {@code System.nanoTime()} reaches {@code deadline}; a checkpoint throughout. */
    static void sleepUntil(long deadline) {
        TaskImpl t = TaskImpl.current();
        try {
            while (true) {
                Thread.interrupted();
                CancelScopeImpl src = t.cancelSource();
                if (src != null) throw new Cancelled(src);
                long left = deadline - System.nanoTime();
                if (left <= 0) return;
                LockSupport.parkNanos(left);
            }
        } finally {
            t.syncInterruptFlag();
        }
    }

    /** Throws {@link Cancelled} when the calling task is effectively cancelled. */
    static void checkCancelled() {
        CancelScopeImpl src = TaskImpl.current().cancelSource();
        if (src != null) throw new Cancelled(src);
    }
}
