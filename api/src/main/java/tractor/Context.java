package tractor;

import java.time.Duration;
import java.util.Optional;

/**
 * A task in one actor linked to a task in another as a single scope (tractor's {@code Context}): the
 * cross-actor task pair. The <b>parent</b> side opened it with {@link Portal#openContext}; the
 * <b>child</b> side is the endpoint running in the peer, a public static method whose first parameter
 * is a {@code Context}.
 *
 * {@snippet :
 * // child side, in the peer
 * public static String echo(Context ctx, int count) {
 *     ctx.started("ready");
 *     try (MsgStream s = ctx.openStream()) {
 *         for (Object m : s) s.send(m);
 *     }
 *     return "done";
 * }
 * // parent side
 * try (Context ctx = portal.openContext(Echo::echo, 10)) {
 *     assert ctx.first().equals("ready");
 *     try (MsgStream s = ctx.openStream()) {
 *         s.send("ping");
 *         assert s.receive().equals("ping");
 *     }
 *     assert ctx.waitForResult().equals("done");
 * }
 * }
 *
 * <p>Errors on either side relay to the other: the child's error is raised on the parent as a
 * {@link RemoteActorError}; the parent's error cancels the child. {@link #cancel()} cancels the far task
 * only: a {@link ContextCancelled} this side asked for is absorbed when the context ends (and returned by
 * {@link #waitForResult()}); one requested by anybody else, our own {@code portal.cancelActor()}
 * included, is raised.
 *
 * <table class="striped">
 * <caption>Lifecycle (parent side)</caption>
 * <tr><th>state</th><th>entered by</th></tr>
 * <tr><td>started</td><td>{@code openContext} returned: the child called {@code started(v)}</td></tr>
 * <tr><td>streaming</td><td>both sides opened their stream</td></tr>
 * <tr><td>result returned / errored / cancelled</td><td>the child's final {@code Return} or {@code Error} arrived</td></tr>
 * <tr><td>closed</td><td>{@link #close()}: after {@link #waitForResult()}, or cancelling the far task and waiting</td></tr>
 * </table>
 */
public interface Context extends AutoCloseable {
    /** Which end of the pair this is. */
    enum Side { PARENT, CHILD }

    /** The body of the callback form, {@link Portal#withContext}. */
    @FunctionalInterface
    interface Body {
        void run(Context ctx) throws Exception;
    }

    /** The dialog id, unique per context. */
    String cid();

    /** The actor on the other side. */
    ActorId peer();

    /** Which end of the pair this is. */
    Side side();

    /**
     * The value the child passed to {@link #started(Object)} (parent side).
     *
     * @throws IllegalStateException on the child side
     */
    Object first();

    /**
     * Child side: reports the task ready; the parent's {@code openContext} returns with {@code value}.
     * Exactly once, before {@link #openStream()}.
     *
     * @throws IllegalStateException when called twice, on the parent side, or the value does not fit the
     *                               endpoint's payload spec ({@link MsgTypeError})
     */
    void started(Object value);

    /** {@code started(null)}. */
    default void started() {
        started(null);
    }

    /**
     * Opens this side's bidirectional stream; one-shot (a closed stream cannot be reopened: open a new
     * context). Msgs the peer sends before it opened its own stream are buffered (up to a bound).
     *
     * @throws IllegalStateException on the child side before {@code started()}, or when reopened
     */
    MsgStream openStream();

    /**
     * {@link #openStream()}, choosing whether this side queues stream msgs past its buffer (up to 616
     * more) instead of reporting an overrun to the sender (tractor's {@code open_stream(allow_overruns=)}).
     * The choice takes effect when the stream opens: msgs the peer sends before that (on the child side,
     * between {@code started()} and this call) count against the default buffer of 64, so a peer that may
     * send more than that before this side's stream is open needs flow control of its own.
     */
    MsgStream openStream(boolean allowOverruns);

    /**
     * Parent side: waits for the child's final outcome, discarding stream msgs still in flight. Returns
     * the child's return value, or the {@link ContextCancelled} of a cancel this side requested.
     *
     * @throws RemoteActorError what the child raised (or a cancellation someone else requested)
     * @throws IllegalStateException on the child side
     */
    Object waitForResult();

    /**
     * Cancels the far task only (this side's task goes on), waiting at most 0.616 s for the request to be
     * acknowledged; a timeout is silent, the outcome is learnt at the end.
     */
    default void cancel() {
        cancel(Duration.ofMillis(616));
    }

    /** {@link #cancel()} with another acknowledgement wait. */
    void cancel(Duration timeout);

    /** Whether this side requested the cancellation (explicitly or because it failed). */
    boolean cancelCalled();

    /** Whether this side requested it and the peer confirmed with a {@link ContextCancelled} naming us. */
    boolean cancelAcked();

    /** Whether the local task of this context was cancelled and caught it (child side). */
    boolean cancelledCaught();

    /** Who caused this context's cancellation: this actor for a self-cancel, else the peer; null if none. */
    ActorId canceller();

    /** The error that ended the context, the remote one first. */
    Optional<Throwable> maybeError();

    /** Whether the outcome is known (a result or an error). */
    boolean hasOutcome();

    /**
     * The outcome: the error, else the result.
     *
     * @throws IllegalStateException when not known yet
     */
    Object outcome();

    /**
     * Ends the context. After {@link #waitForResult()} it only releases the dialog. Without it (an
     * abnormal exit: an error or a cancellation left the block) the far task is cancelled and its end
     * awaited, bounded by the cancel wait.
     *
     * @throws RemoteActorError when the far task ended with an error of its own (a cross-cancel included)
     * @throws IllegalStateException when the block was left without {@code waitForResult()} while this
     *         task was not being cancelled and this side had not asked for the cancel (the JDK rule of
     *         {@code StructuredTaskScope}: the normal path joins); a task being cancelled leaves with its
     *         own cancellation instead
     */
    @Override
    void close();
}
