package tractor.transport.inproc;

/** Test helper: waits until a thread parks (it reached the wait under test), never by sleeping. */
final class Blocked {
    private Blocked() {}

    /** Spins until {@code t} is waiting; the test's bound ends a wait that never comes. */
    static void await(Thread t) {
        while (true) {
            Thread.State s = t.getState();
            if (s == Thread.State.WAITING || s == Thread.State.TIMED_WAITING) return;
            if (s == Thread.State.TERMINATED) throw new AssertionError(t + " ended instead of waiting");
            Thread.onSpinWait();
            Thread.yield();
        }
    }
}
