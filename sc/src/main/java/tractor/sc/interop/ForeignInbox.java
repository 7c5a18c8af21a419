package tractor.sc.interop;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;

/**
 * Values a task sends to a foreign side, taken as futures: a take completes at once when a value is
 * waiting, else with the next value put. Closing fails every pending and later take.
 */
final class ForeignInbox<T> {
    private final Queue<T> values = new ArrayDeque<>();
    private final Queue<CompletableFuture<T>> takers = new ArrayDeque<>();
    private boolean closed;

    void put(T value) {
        CompletableFuture<T> taker;
        synchronized (this) {
            taker = takers.poll();
            if (taker == null) {
                values.add(value);
                return;
            }
        }
        taker.complete(value); // outside the lock: the foreign continuation may run right here
    }

    CompletableFuture<T> take() {
        synchronized (this) {
            T v = values.poll();
            if (v != null) return CompletableFuture.completedFuture(v);
            if (closed) return CompletableFuture.failedFuture(gone());
            CompletableFuture<T> f = new CompletableFuture<>();
            takers.add(f);
            return f;
        }
    }

    void close() {
        Queue<CompletableFuture<T>> pending;
        synchronized (this) {
            if (closed) return;
            closed = true;
            pending = new ArrayDeque<>(takers);
            takers.clear();
        }
        pending.forEach(f -> f.completeExceptionally(gone()));
    }

    private static CancellationException gone() {
        return new CancellationException("the linked task left the channel");
    }

    @Override
    public synchronized String toString() {
        return "foreign inbox (" + values.size() + " values, " + takers.size() + " takers" + (closed ? ", closed" : "") + ")";
    }
}
