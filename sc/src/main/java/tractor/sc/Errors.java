package tractor.sc;

import java.io.InterruptedIOException;
import java.nio.channels.ClosedByInterruptException;
import java.util.ArrayList;
import java.util.List;

/** How errors cross scope and task boundaries: interrupts become cancellations, masks are lifted. */
final class Errors {
    private Errors() {}

    /**
     * An interrupt seen by plain JDK code ({@code Thread.sleep}, {@code BlockingQueue.take}, interruptible
     * I/O) inside an effectively cancelled scope is that cancellation; a {@link Cancelled} that masked a
     * real error (the error is attached as suppressed, as try-with-resources does when {@code close()}
     * fails under a cancellation) gives way to that error (tractor's {@code maybe_raise_from_masking_exc}).
     */
    static Throwable translate(Throwable t, CancelScopeImpl innermost) {
        if (t instanceof Cancelled c) return unmask(c);
        if (isInterrupt(t)) {
            CancelScopeImpl src = CancelScopeImpl.effectiveCancel(innermost);
            if (src != null) {
                Cancelled c = new Cancelled(src);
                c.initCause(t);
                return c;
            }
        }
        return t;
    }

    private static boolean isInterrupt(Throwable t) {
        return t instanceof InterruptedException || t instanceof ClosedByInterruptException
                || t instanceof InterruptedIOException;
    }

    static Throwable unmask(Cancelled c) {
        for (Throwable s : c.getSuppressed()) {
            if (!(s instanceof Cancelled)) {
                s.addSuppressed(c);
                return s;
            }
        }
        return c;
    }

    /**
     * What a nursery raises for the errors of its body and tasks once its own cancellations are
     * removed: nothing, the lone error as it is, or a group. A real error beats a cancellation: the
     * remaining {@link Cancelled}s are dropped when any other error is present.
     */
    static Throwable combine(List<Throwable> errors) {
        List<Throwable> real = new ArrayList<>();
        Cancelled firstCancel = null;
        for (Throwable t : errors) {
            if (t instanceof Cancelled c) {
                if (firstCancel == null) firstCancel = c;
            } else {
                real.add(t);
            }
        }
        if (real.isEmpty()) return firstCancel;
        if (real.size() == 1) return real.getFirst();
        return new ExceptionGroup("multiple tasks failed", real);
    }

    /** Throws {@code t} (checked or not) unchanged. */
    static void rethrow(Throwable t) throws Exception {
        if (t instanceof Exception e) throw e;
        if (t instanceof Error e) throw e;
        throw new IllegalStateException(t);
    }
}
