package tractor.sc;

import java.time.Duration;

/**
 * A region of code that can be cancelled as a unit (trio's {@code CancelScope}).
 *
 * <p>Cancellation is level-triggered: after {@link #cancel()} (or when the deadline passes) every
 * checkpoint inside the scope throws {@link Cancelled} until the scope exits, and the scope catches
 * that {@code Cancelled} on exit. Scopes nest; cancelling an outer scope cancels everything inside it
 * except what a {@linkplain #shield() shielded} scope protects. A shield blocks cancellation from
 * outside only: cancelling the shielded scope itself still cancels its body.
 *
 * <p>The callback forms have trio's exact semantics:
 * {@snippet :
 * CancelScope s = CancelScope.moveOnAfter(Duration.ofSeconds(1), scope -> {
 *     Sc.sleepForever();
 * });
 * assert s.cancelledCaught();
 * String v = CancelScope.failAfter(Duration.ofMillis(200), () -> slowCall()); // TooSlowException if late
 * }
 * The {@code AutoCloseable} form is for shields and for cancelling from elsewhere. Java's
 * {@code close()} cannot see an exception leaving the try block, so a {@code Cancelled} that this scope
 * delivered is handed to {@link #absorb(Cancelled)} by the caller:
 * {@snippet :
 * CancelScope cs = CancelScope.open();
 * try (cs) {
 *     work();
 * } catch (Cancelled c) {
 *     cs.absorb(c); // rethrows it unless this scope is the one that catches it
 * }
 * }
 *
 * <p>Deadlines are absolute {@link System#nanoTime()} values ({@link Sc#currentTime()}), like trio's
 * {@code current_time()}; {@link Long#MAX_VALUE} means none.
 */
public sealed interface CancelScope extends AutoCloseable permits CancelScopeImpl {

    /** The body of a callback-form scope. */
    @FunctionalInterface
    interface Body {
        void run(CancelScope scope) throws Exception;
    }

    /** Opens a scope in the calling thread; it must be closed by the same thread, innermost first. */
    static CancelScope open() {
        return CancelScopeImpl.enter(CancelScopeImpl.Kind.USER, false, CancelScopeImpl.NO_DEADLINE);
    }

    /** Opens a shielded scope: cancellation from outside does not reach its body. */
    static CancelScope openShielded() {
        return CancelScopeImpl.enter(CancelScopeImpl.Kind.USER, true, CancelScopeImpl.NO_DEADLINE);
    }

    /** Opens a scope cancelled when {@link System#nanoTime()} reaches {@code deadline}. */
    static CancelScope openWithDeadline(long deadline) {
        return CancelScopeImpl.enter(CancelScopeImpl.Kind.USER, false, deadline);
    }

    /**
     * Runs {@code body} in a new scope and returns the scope once it exited; a cancellation of this
     * scope ends the body and is caught. Any other error propagates unchanged.
     */
    static CancelScope run(Body body) throws Exception {
        return runScoped(false, CancelScopeImpl.NO_DEADLINE, body);
    }

    /** Like {@link #run(Body)} with a shielded scope. */
    static CancelScope runShielded(Body body) throws Exception {
        return runScoped(true, CancelScopeImpl.NO_DEADLINE, body);
    }

    /** Runs {@code body}, cancelled after {@code timeout}; check {@link #cancelledCaught()} afterwards. */
    static CancelScope moveOnAfter(Duration timeout, Body body) throws Exception {
        return runScoped(false, Sc.deadlineAfter(timeout), body);
    }

    /** Runs {@code body}, cancelled when {@link System#nanoTime()} reaches {@code deadline}. */
    static CancelScope moveOnAt(long deadline, Body body) throws Exception {
        return runScoped(false, deadline, body);
    }

    /**
     * Runs {@code body} and returns its value, or throws {@link TooSlowException} when it is cancelled
     * by the timeout.
     */
    static <T> T failAfter(Duration timeout, Sc.Call<T> body) throws Exception {
        return failAt(Sc.deadlineAfter(timeout), body);
    }

    /** Like {@link #failAfter} with an absolute deadline. */
    static <T> T failAt(long deadline, Sc.Call<T> body) throws Exception {
        Object[] out = new Object[1];
        CancelScope s = runScoped(false, deadline, scope -> out[0] = body.call());
        if (s.cancelledCaught()) throw new TooSlowException("deadline expired before the body finished");
        @SuppressWarnings("unchecked") T v = (T) out[0];
        return v;
    }

    private static CancelScope runScoped(boolean shield, long deadline, Body body) throws Exception {
        CancelScopeImpl s = CancelScopeImpl.enter(CancelScopeImpl.Kind.USER, shield, deadline);
        Throwable error = null;
        try {
            body.run(s);
        } catch (Throwable t) {
            error = t;
        }
        Throwable out = s.filterOnExit(error);
        s.exitScope();
        if (out != null) Errors.rethrow(out);
        return s;
    }

    /** Cancels this scope and everything inside it; idempotent, callable from any thread. */
    void cancel();

    /** Whether {@link #cancel()} was called or the deadline passed. */
    boolean cancelCalled();

    /** Whether this scope caught a {@link Cancelled} on exit. */
    boolean cancelledCaught();

    /** Whether this scope blocks cancellation from outside. */
    boolean shield();

    /** Turns the shield on or off; turning it off exposes the body to a pending outer cancellation. */
    void shield(boolean on);

    /** The absolute deadline ({@link System#nanoTime()} based), {@link Long#MAX_VALUE} when none. */
    long deadline();

    /** Sets the absolute deadline; one already past cancels at once. */
    void deadline(long nanoTime);

    /**
     * Hands a {@link Cancelled} caught around the try-with-resources form to this scope: returns
     * normally (and records {@link #cancelledCaught()}) when this scope delivered it, rethrows it
     * otherwise.
     */
    void absorb(Cancelled c);

    /**
     * Leaves the scope: the enclosing scope becomes innermost again.
     *
     * @throws WrongThreadException when called by another thread than the one that opened it
     * @throws IllegalStateException when an inner scope is still open
     */
    @Override
    void close();
}
