package tractor.runtime;

import java.util.ArrayDeque;
import java.util.function.Consumer;

/**
 * A channel fallback that holds msgs back until {@link #release()}, then passes them on in arrival order,
 * followed by every later one. A child whose parent is its registrar registers over the parent's channel,
 * whose msg loop must therefore run; the parent's own requests wait here until the child is registered,
 * as they wait in the connection when the registrar is another actor.
 */
final class HeldMsgs implements Consumer<Msg> {
    private final Consumer<Msg> target;
    private ArrayDeque<Msg> held = new ArrayDeque<>();

    HeldMsgs(Consumer<Msg> target) {
        this.target = target;
    }

    @Override
    public synchronized void accept(Msg msg) {
        if (held != null) held.add(msg);
        else target.accept(msg);
    }

    /**
     * Passes on what was held, then lets msgs through. The held ones go out under the lock, so a msg
     * arriving meanwhile waits for them (the target only queues: this is short).
     */
    synchronized void release() {
        ArrayDeque<Msg> q = held;
        if (q == null) return;
        held = null;
        q.forEach(target);
    }

    @Override
    public synchronized String toString() {
        return "HeldMsgs[" + (held == null ? "released" : held.size() + " held") + "]";
    }
}
