package tractor.trionics;

import java.util.Iterator;
import tractor.sc.ClosedResourceException;
import tractor.sc.EndOfChannelException;

/** The one implementation of {@link BroadcastReceiver}: a cursor into a {@link BroadcastState}. */
final class BroadcastSubscriber<T> implements BroadcastReceiver<T> {
    final BroadcastState<T> state;
    final int id;
    /** Sequence number of the next value to read; guarded by {@code state}. */
    long next;
    /** Guarded by {@code state}. */
    boolean closed;

    BroadcastSubscriber(BroadcastState<T> state, int id, long next) {
        this.state = state;
        this.id = id;
        this.next = next;
    }

    @Override
    public T receive() {
        return state.receive(this);
    }

    @Override
    public BroadcastReceiver<T> subscribe() {
        synchronized (state) {
            if (closed) throw new ClosedResourceException("cannot subscribe through " + this + ": it is closed");
            return state.subscribe();
        }
    }

    @Override
    public long lag() {
        return state.lag(this);
    }

    @Override
    public boolean isClosed() {
        synchronized (state) {
            return closed;
        }
    }

    @Override
    public void close() {
        synchronized (state) {
            if (closed) return;
            closed = true;
            state.unsubscribe(this);
        }
    }

    @Override
    public Iterator<T> iterator() {
        return tractor.sc.Sc.iterate(this::receive);
    }

    @Override
    public String toString() {
        return "broadcast subscriber #" + id + " of " + state;
    }
}
