package tractor.trionics;

import tractor.sc.BrokenResourceException;
import tractor.sc.ClosedResourceException;
import tractor.sc.EndOfChannelException;
import tractor.sc.Event;
import tractor.sc.Sc;

/**
 * The state shared by the subscribers of one broadcast: the ring and the pull hand-off. Values carry
 * absolute sequence numbers: value {@code s} sits in {@code ring[s % ring.length]}; {@code head} is
 * the sequence number of the next value to pull, so the ring holds {@code [head - capacity, head)}.
 * Every field is guarded by {@code this}; the underlying receive runs outside the monitor.
 */
final class BroadcastState<T> {
    private final Sc.Call<? extends T> source;
    private final Object[] ring;
    private final boolean raiseOnLag;
    private long head;
    private int subscribers;
    private int nextId;
    private BroadcastSubscriber<T> puller;
    private Event pulled;
    private EndOfChannelException end;
    private int waiting;

    BroadcastState(Sc.Call<? extends T> source, int maxBufferSize, boolean raiseOnLag) {
        if (maxBufferSize <= 0) throw new IllegalArgumentException("maxBufferSize must be positive, got " + maxBufferSize);
        this.source = java.util.Objects.requireNonNull(source, "receive function");
        this.ring = new Object[maxBufferSize];
        this.raiseOnLag = raiseOnLag;
    }

    synchronized BroadcastSubscriber<T> subscribe() {
        subscribers++;
        return new BroadcastSubscriber<>(this, nextId++, head);
    }

    synchronized void unsubscribe(BroadcastSubscriber<T> sub) {
        subscribers--;
    }

    T receive(BroadcastSubscriber<T> sub) {
        while (true) {
            Event wait;
            synchronized (this) {
                if (sub.closed) throw new ClosedResourceException(sub + " is closed");
                if (sub.next < head) return read(sub);
                if (end != null) throw new EndOfChannelException("the broadcast source ended: " + end.getMessage());
                if (puller != null) {
                    wait = pulled;
                } else {
                    puller = sub;
                    pulled = new Event();
                    wait = null;
                }
            }
            if (wait == null) return pull(sub);
            awaitPull(wait); // the puller pushed, ended, or gave up: look again
        }
    }

    private void awaitPull(Event pulled) {
        synchronized (this) {
            waiting++;
        }
        try {
            pulled.await();
        } finally {
            synchronized (this) {
                waiting--;
            }
        }
    }

    private T read(BroadcastSubscriber<T> sub) {
        long oldest = Math.max(0, head - ring.length);
        if (sub.next < oldest) {
            long skipped = oldest - sub.next;
            sub.next = oldest;
            if (raiseOnLag) throw new Lagged(sub.toString(), skipped);
        }
        @SuppressWarnings("unchecked") T v = (T) ring[(int) (sub.next++ % ring.length)];
        return v;
    }

    /** Pulls one value for everybody; on any outcome the pull role is released and waiters woken. */
    private T pull(BroadcastSubscriber<T> sub) {
        Event done;
        synchronized (this) {
            done = pulled;
        }
        try {
            T v = callSource();
            synchronized (this) {
                ring[(int) (head++ % ring.length)] = v;
                sub.next = head; // the puller is the fastest: it takes the value directly
                return v;
            }
        } catch (EndOfChannelException e) {
            synchronized (this) {
                end = e;
            }
            throw e;
        } finally {
            synchronized (this) {
                puller = null;
            }
            done.set();
        }
    }

    private T callSource() {
        try {
            return source.call();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (InterruptedException e) {
            Sc.checkpointIfCancelled(); // an interrupt in plain JDK code is the task's cancellation
            Thread.currentThread().interrupt();
            throw new BrokenResourceException("broadcast source interrupted", e);
        } catch (Exception e) {
            throw new BrokenResourceException("broadcast source failed", e);
        }
    }

    synchronized long lag(BroadcastSubscriber<T> sub) {
        return head - sub.next;
    }

    synchronized boolean isPulling(BroadcastSubscriber<T> sub) {
        return puller == sub;
    }

    synchronized boolean hasPuller() {
        return puller != null;
    }

    /** How many subscribers wait for the current pull. */
    synchronized int waiting() {
        return waiting;
    }

    /** The values held, oldest first. */
    synchronized java.util.List<Object> retained() {
        java.util.List<Object> out = new java.util.ArrayList<>();
        for (long s = Math.max(0, head - ring.length); s < head; s++) out.add(ring[(int) (s % ring.length)]);
        return out;
    }

    synchronized int buffered() {
        return (int) Math.min(head, ring.length);
    }

    synchronized int subscribers() {
        return subscribers;
    }

    int capacity() {
        return ring.length;
    }

    @Override
    public synchronized String toString() {
        return "broadcast (" + subscribers + " subscribers, " + buffered() + "/" + ring.length + " buffered, "
                + head + " pulled" + (end != null ? ", ended" : "") + ")";
    }
}
