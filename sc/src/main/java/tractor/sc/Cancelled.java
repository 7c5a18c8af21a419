package tractor.sc;

/**
 * Thrown by a checkpoint inside a cancelled {@link CancelScope} (trio's {@code Cancelled}).
 *
 * <p>It extends {@link Error}, as {@code ThreadDeath} did, so that {@code catch (Exception e)} in user
 * code cannot swallow a cancellation. Let it propagate: the cancel scope that was cancelled catches it
 * on exit. Cancellation is level-triggered: while the scope stays cancelled, every further checkpoint
 * inside it throws again.
 */
public final class Cancelled extends Error {
    private final transient CancelScope scope;

    Cancelled(CancelScope scope) {
        super("cancelled by " + scope);
        this.scope = scope;
    }

    /** The outermost cancelled scope this cancellation was delivered for (the one that will catch it). */
    public CancelScope scope() {
        return scope;
    }
}
