package tractor.sc.interop;

import java.util.Iterator;
import java.util.concurrent.Flow;
import tractor.sc.BrokenResourceException;
import tractor.sc.CancelScope;
import tractor.sc.ClosedResourceException;
import tractor.sc.MemoryChannel;
import tractor.sc.Sc;
import tractor.sc.WouldBlockException;

/**
 * The subscriber behind {@link Interop#subscribe}: values land in a memory channel of the prefetch's
 * capacity (never more is requested), the task requests more after receiving half of it, and an error
 * of the publisher cancels the consuming scope.
 */
final class FlowSubscriber<T> implements Flow.Subscriber<T>, FlowStream<T> {
    private final Flow.Publisher<T> publisher;
    private final int prefetch;
    private final int batch;
    private final MemoryChannel<T> buffer;
    private volatile CancelScope scope;
    private volatile Throwable error;
    private Flow.Subscription subscription;
    private boolean cancelled;
    private int received;

    FlowSubscriber(Flow.Publisher<T> publisher, int prefetch) {
        this.publisher = publisher;
        this.prefetch = prefetch;
        this.batch = Math.max(1, prefetch / 2);
        this.buffer = Sc.openMemoryChannel(prefetch);
    }

    void scope(CancelScope s) {
        scope = s;
    }

    Throwable error() {
        return error;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        synchronized (this) {
            if (subscription == null && !cancelled) {
                subscription = s;
                s.request(prefetch);
                return;
            }
        }
        s.cancel(); // a second subscription (rule 2.5), or the task already left
    }

    @Override
    public void onNext(T value) {
        try {
            buffer.sender().sendNowait(value);
        } catch (WouldBlockException e) {
            fail(new IllegalStateException("publisher " + publisher + " sent more than the " + prefetch
                    + " values requested (Reactive Streams rule 1.1)"));
            cancel();
        } catch (BrokenResourceException | ClosedResourceException e) {
            // the task left the stream: the value is not wanted
        }
    }

    @Override
    public void onError(Throwable t) {
        fail(t);
    }

    @Override
    public void onComplete() {
        buffer.sender().close();
    }

    /** Cancels the consuming scope first, then ends the buffer: a waiting receive is cancelled, not ended. */
    private void fail(Throwable t) {
        if (error == null) error = t;
        CancelScope s = scope;
        if (s != null) s.cancel();
        buffer.sender().close();
    }

    @Override
    public T receive() {
        T v = buffer.receiver().receive();
        if (++received >= batch) {
            int n = received;
            received = 0;
            subscription().request(n);
        }
        return v;
    }

    private synchronized Flow.Subscription subscription() {
        return subscription;
    }

    /** Cancels the subscription (now, or as soon as it arrives); idempotent. */
    void cancel() {
        Flow.Subscription s;
        synchronized (this) {
            if (cancelled) return;
            cancelled = true;
            s = subscription;
        }
        if (s != null) s.cancel();
        buffer.receiver().close();
    }

    @Override
    public Iterator<T> iterator() {
        return Sc.iterate(this::receive);
    }

    @Override
    public String toString() {
        return "flow stream of " + publisher + (cancelled ? " (cancelled)" : "") + (error != null ? " (failed: " + error + ")" : "");
    }
}
