package tractor.runtime;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import tractor.sc.CancelScope;
import tractor.sc.Event;

/** Cancellable waits on futures, as structured-concurrency checkpoints. */
final class Waits {
    private Waits() {}

    /**
     * Waits for {@code f}; a checkpoint.
     *
     * @return the value
     * @throws Exception what the future failed with, unwrapped
     */
    static <T> T await(CompletableFuture<T> f) throws Exception {
        if (!f.isDone()) {
            Event done = new Event();
            f.whenComplete((v, e) -> done.set());
            done.await();
        }
        try {
            return f.get();
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof Exception x) throw x;
            if (c instanceof Error x) throw x;
            throw e;
        }
    }

    /** Waits at most {@code timeout} for {@code f}; returns whether it completed. A checkpoint. */
    static boolean await(CompletableFuture<?> f, Duration timeout) throws Exception {
        if (f.isDone()) return true;
        Event done = new Event();
        f.whenComplete((v, e) -> done.set());
        CancelScope.moveOnAfter(timeout, s -> done.await());
        return f.isDone();
    }
}
