package tractor.sc;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/** A one-shot flag tasks can wait for (trio's {@code Event}): once set it stays set. */
public final class Event {
    private volatile boolean set;
    private final List<Thread> waiting = new ArrayList<>();

    /** Sets the flag and wakes every waiter; idempotent. */
    public void set() {
        List<Thread> wake;
        synchronized (this) {
            if (set) return;
            set = true;
            wake = List.copyOf(waiting);
            waiting.clear();
        }
        wake.forEach(LockSupport::unpark);
    }

    /** Whether {@link #set()} was called. */
    public boolean isSet() {
        return set;
    }

    /** Waits until the flag is set; a checkpoint. */
    public void await() {
        Parking.checkCancelled();
        if (set) return;
        Thread me = Thread.currentThread();
        synchronized (this) {
            if (!set) waiting.add(me);
        }
        Parking.await(() -> set, () -> {
            synchronized (this) {
                waiting.remove(me);
            }
            return true;
        });
    }

    @Override
    public String toString() {
        return set ? "event (set)" : "event (not set)";
    }
}
