package tractor.sc;

import java.util.ArrayDeque;
import java.util.concurrent.locks.LockSupport;

/**
 * A fair (FIFO), non-reentrant lock whose acquisition is a checkpoint (trio's {@code Lock}). A task
 * cancelled while waiting leaves the queue and never holds the lock; ownership is handed directly to
 * the next waiter on release, so a cancellation cannot leave the lock held by nobody or corrupted.
 */
public final class Lock {
    private Thread owner;
    private final ArrayDeque<Thread> queue = new ArrayDeque<>();

    /**
     * Waits for the lock; a checkpoint.
     *
     * @throws IllegalStateException when the calling thread already holds it
     */
    public void acquire() {
        Parking.checkCancelled();
        Thread me = Thread.currentThread();
        synchronized (this) {
            if (owner == me) throw new IllegalStateException("lock is not reentrant: already held by " + me.getName());
            if (owner == null && queue.isEmpty()) {
                owner = me;
                return;
            }
            queue.add(me);
        }
        Parking.await(this::heldByCaller, () -> {
            synchronized (this) {
                if (owner == me) return false;
                queue.remove(me);
                return true;
            }
        });
    }

    private synchronized boolean heldByCaller() {
        return owner == Thread.currentThread();
    }

    /** Takes the lock if it is free and nobody waits; never blocks. */
    public synchronized boolean tryAcquire() {
        if (owner != null || !queue.isEmpty()) return false;
        owner = Thread.currentThread();
        return true;
    }

    /**
     * Releases the lock, handing it to the longest waiter.
     *
     * @throws IllegalStateException when the calling thread does not hold it
     */
    public void release() {
        Thread next;
        synchronized (this) {
            if (owner != Thread.currentThread()) {
                throw new IllegalStateException("lock released by " + Thread.currentThread().getName() + " which does not hold it");
            }
            next = queue.poll();
            owner = next;
        }
        if (next != null) LockSupport.unpark(next);
    }

    /** Whether some task holds the lock. */
    public synchronized boolean locked() {
        return owner != null;
    }

    /** How many tasks wait for the lock. */
    public synchronized int waiting() {
        return queue.size();
    }

    @Override
    public synchronized String toString() {
        return "lock (" + (owner == null ? "free" : "held by " + owner.getName()) + ", " + queue.size() + " waiting)";
    }
}
