package tractor.sc.interop;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import tractor.sc.CancelScope;
import tractor.sc.Cancelled;
import tractor.sc.EndOfChannelException;
import tractor.sc.Event;
import tractor.sc.ExceptionGroup;
import tractor.sc.Sc;

/**
 * Runs foreign asynchronous code under structured concurrency (tractor's {@code to_asyncio}): the
 * foreign work is started inside the calling task's scope, cancelled when that scope is cancelled, and
 * its failure is raised in the task (so, in a nursery, it cancels the siblings).
 *
 * {@snippet :
 * try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
 *     Nursery.run(n -> {
 *         n.startSoon("fetch", () -> {
 *             String page = Interop.runFuture(() -> client.sendAsync(request, ofString()).thenApply(HttpResponse::body));
 *             System.out.println(page.length());
 *         });
 *         n.startSoon("ticks", () -> Interop.subscribe(ticker, 16, ticks -> {
 *             for (Long t : ticks) System.out.println(t);
 *         }));
 *     });
 * }
 * }
 */
public final class Interop {
    private Interop() {}

    /** A body run with a value while a link is open. */
    @FunctionalInterface
    public interface Body<T> {
        void run(T value) throws Exception;
    }

    /** The body of {@link #openChannelFrom}. */
    @FunctionalInterface
    public interface LinkedBody<I, O, R> {
        void run(O first, LinkedChannel<I, O, R> chan) throws Exception;
    }

    /**
     * Starts foreign work and waits for its result; a checkpoint (tractor's {@code run_task}). When the
     * calling task is cancelled while waiting, the future is cancelled ({@code cancel(true)}) and
     * {@link Cancelled} is raised.
     *
     * @return the foreign result
     * @throws Exception what {@code start} throws or the future failed with, unwrapped; a
     *                   {@link CancellationException} when someone else cancelled the future
     */
    public static <T> T runFuture(Sc.Call<? extends CompletionStage<T>> start) throws Exception {
        return await(Objects.requireNonNull(start.call(), "the foreign task returned no stage"));
    }

    /** Like {@link #runFuture} for foreign work already started. */
    public static <T> T await(CompletionStage<T> stage) throws Exception {
        CompletableFuture<T> f = stage.toCompletableFuture();
        try {
            waitFor(f);
        } catch (Cancelled c) {
            f.cancel(true);
            throw c;
        }
        return resultOf(f);
    }

    /**
     * Subscribes to {@code publisher} and runs {@code body} with the stream of its values; at most
     * {@code prefetch} values are requested ahead. Leaving the body (normally, by an error or cancelled)
     * cancels the subscription; the publisher's error cancels the body and is raised here.
     *
     * @throws IllegalArgumentException when {@code prefetch} is not positive
     * @throws Exception what the body or the publisher failed with
     */
    public static <T> void subscribe(Flow.Publisher<T> publisher, int prefetch, Body<FlowStream<T>> body) throws Exception {
        if (prefetch < 1) throw new IllegalArgumentException("prefetch must be >= 1, got " + prefetch);
        FlowSubscriber<T> sub = new FlowSubscriber<>(publisher, prefetch);
        Throwable bodyError = null;
        try {
            CancelScope.run(cs -> {
                sub.scope(cs);
                publisher.subscribe(sub);
                body.run(sub);
            });
        } catch (Throwable t) {
            bodyError = t;
        } finally {
            sub.cancel();
        }
        raise(bodyError, sub.error(), "a task and the publisher " + publisher + " both failed");
    }

    /**
     * Starts {@code target} linked to the calling task by a bidirectional channel (tractor's
     * {@code to_asyncio.open_channel_from}), waits for its {@link ForeignEnd#started first value}, then
     * runs {@code body}. The foreign side's failure (or a cancellation it did not get from here)
     * cancels the body and is raised; when the body ends first, the foreign work is cancelled and its
     * pending receives fail. See {@link LinkedChannel} for what each side sees.
     *
     * @throws IllegalStateException when the foreign side ends without calling {@code started}
     * @throws Exception what the body or the foreign side failed with (both: an {@link ExceptionGroup})
     */
    public static <I, O, R> void openChannelFrom(ForeignTask<I, O, R> target, LinkedBody<I, O, R> body) throws Exception {
        Link<I, O, R> link = new Link<>(target);
        O first;
        try {
            first = link.start();
        } catch (Throwable t) {
            link.leave();
            throw t;
        }
        Throwable bodyError = link.run(body, first);
        raise(bodyError, link.foreignError(), "a task and its linked foreign task " + target + " both failed");
    }

    static void waitFor(CompletableFuture<?> f) {
        if (f.isDone()) return;
        Event done = new Event();
        f.whenComplete((v, e) -> done.set());
        done.await();
    }

    static <T> T resultOf(CompletableFuture<T> f) throws Exception {
        try {
            return f.get();
        } catch (ExecutionException e) {
            throw rethrowable(e.getCause());
        }
    }

    /** The failure a foreign completion carries, unwrapped from {@link CompletionException}. */
    static Throwable unwrap(Throwable t) {
        return t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
    }

    static Exception rethrowable(Throwable t) {
        if (t instanceof Exception e) return e;
        if (t instanceof Error e) throw e;
        return new IllegalStateException(t);
    }

    /**
     * Raises the body's error and the foreign one: one as it is, both as a group. A cancellation or an end
     * of channel in the body is the foreign failure's consequence, not an error of its own.
     */
    private static void raise(Throwable bodyError, Throwable foreignError, String both) throws Exception {
        boolean consequence = bodyError instanceof Cancelled || bodyError instanceof EndOfChannelException;
        if (foreignError != null && bodyError != null && !consequence && bodyError != foreignError) {
            throw new ExceptionGroup(both, List.of(bodyError, foreignError));
        }
        Throwable out = foreignError != null ? foreignError : bodyError;
        if (out != null) throw rethrowable(out);
    }
}
