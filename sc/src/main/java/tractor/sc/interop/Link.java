package tractor.sc.interop;

import java.util.Iterator;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import tractor.sc.BrokenResourceException;
import tractor.sc.CancelScope;
import tractor.sc.ClosedResourceException;
import tractor.sc.Event;
import tractor.sc.MemoryChannel;
import tractor.sc.Sc;

/**
 * One task linked to one foreign task ({@link Interop#openChannelFrom}): the task's end of the channel,
 * with the foreign end ({@link #foreign}) as a view of the same state. Foreign → task values go through
 * an unbounded memory channel, task → foreign values through a {@link ForeignInbox}.
 */
final class Link<I, O, R> implements LinkedChannel<I, O, R> {
    private final ForeignTask<I, O, R> target;
    private final MemoryChannel<O> fromForeign = Sc.openMemoryChannel(Integer.MAX_VALUE);
    private final ForeignInbox<I> toForeign = new ForeignInbox<>();
    private final CompletableFuture<O> first = new CompletableFuture<>();
    private final CompletableFuture<Void> closed = new CompletableFuture<>();
    private final ForeignEnd<I, O> foreign = new ForeignSide();
    private CompletableFuture<R> done;
    private volatile CancelScope scope;
    private volatile Throwable foreignError;
    private volatile boolean cancelAsked;

    Link(ForeignTask<I, O, R> target) {
        this.target = target;
    }

    Throwable foreignError() {
        return foreignError;
    }

    /** Starts the foreign side and waits for its first value (or its end, or a cancellation here). */
    O start() throws Exception {
        done = Objects.requireNonNull(target.start(foreign), "the foreign task returned no stage").toCompletableFuture();
        Event ready = new Event();
        first.whenComplete((v, e) -> ready.set());
        done.whenComplete((v, e) -> ready.set());
        ready.await();
        if (first.isDone()) return first.join();
        Interop.resultOf(done);
        throw new IllegalStateException("foreign task " + target + " ended without calling started()");
    }

    /** Runs the body in a scope the foreign side's failure cancels; returns what the body raised. */
    Throwable run(Interop.LinkedBody<I, O, R> body, O firstValue) {
        done.whenComplete((v, e) -> foreignEnded(e));
        try {
            CancelScope.run(cs -> {
                scope = cs;
                if (foreignError != null) cs.cancel();
                body.run(firstValue, this);
            });
            return null;
        } catch (Throwable t) {
            return t;
        } finally {
            leave();
        }
    }

    /**
     * The foreign side is done. A failure cancels the body before the channel ends, so that a task
     * waiting in {@code receive()} is cancelled rather than told of an orderly end.
     */
    private void foreignEnded(Throwable e) {
        Throwable cause = e == null ? null : Interop.unwrap(e);
        if (cause != null && !(cause instanceof CancellationException && (cancelAsked || closed.isDone()))) {
            foreignError = cause;
            CancelScope s = scope;
            if (s != null) s.cancel();
        }
        fromForeign.sender().close();
    }

    /** The task left: the foreign side learns it, its unfinished work is cancelled. Idempotent. */
    void leave() {
        closed.complete(null);
        toForeign.close();
        if (done != null && !done.isDone()) done.cancel(true);
        fromForeign.receiver().close();
    }

    @Override
    public void send(I value) {
        Objects.requireNonNull(value, "value");
        if (closed.isDone()) throw new ClosedResourceException("the channel to " + target + " is closed: the body ended");
        toForeign.put(value);
    }

    @Override
    public O receive() {
        return fromForeign.receiver().receive();
    }

    @Override
    public R result() throws Exception {
        Interop.waitFor(done);
        return Interop.resultOf(done);
    }

    @Override
    public void cancelForeign() {
        cancelAsked = true;
        done.cancel(true);
    }

    @Override
    public Iterator<O> iterator() {
        return Sc.iterate(this::receive);
    }

    @Override
    public String toString() {
        return "linked channel to " + target + (closed.isDone() ? " (closed)" : "")
                + (done != null && done.isDone() ? " (foreign side done)" : "");
    }

    private final class ForeignSide implements ForeignEnd<I, O> {
        @Override
        public void started(O value) {
            Objects.requireNonNull(value, "first");
            if (!first.complete(value)) throw new IllegalStateException("started() called twice by " + target);
        }

        @Override
        public void send(O value) {
            Objects.requireNonNull(value, "value");
            try {
                fromForeign.sender().sendNowait(value);
            } catch (BrokenResourceException e) {
                throw new ClosedResourceException("the task linked to " + target + " left the channel");
            }
        }

        @Override
        public CompletableFuture<I> receive() {
            return toForeign.take();
        }

        @Override
        public CompletableFuture<Void> closed() {
            return closed;
        }

        @Override
        public String toString() {
            return "foreign end of " + Link.this;
        }
    }
}
