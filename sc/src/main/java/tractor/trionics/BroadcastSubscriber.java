package tractor.trionics;

import java.util.Iterator;
import java.util.NoSuchElementException;
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
        return new Iterator<>() {
            private T pending;
            private boolean ready;
            private boolean ended;

            @Override
            public boolean hasNext() {
                if (ready) return true;
                if (ended) return false;
                try {
                    pending = receive();
                    ready = true;
                } catch (EndOfChannelException e) {
                    ended = true;
                }
                return ready;
            }

            @Override
            public T next() {
                if (!hasNext()) throw new NoSuchElementException("the broadcast source ended");
                ready = false;
                T v = pending;
                pending = null;
                return v;
            }
        };
    }

    @Override
    public String toString() {
        return "broadcast subscriber #" + id + " of " + state;
    }
}
