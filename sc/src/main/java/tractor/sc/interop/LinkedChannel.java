package tractor.sc.interop;

/**
 * The task's end of a channel opened by {@link Interop#openChannelFrom} (tractor's
 * {@code LinkedTaskChannel}). Iteration receives until the foreign side is done.
 *
 * <table class="striped">
 * <caption>What the task sees of the foreign side</caption>
 * <tr><th>foreign side</th><th>{@code receive()}</th><th>the body</th></tr>
 * <tr><td>running</td><td>its values</td><td>runs</td></tr>
 * <tr><td>returned</td><td>what it sent, then {@link tractor.sc.EndOfChannelException}</td><td>runs</td></tr>
 * <tr><td>failed or cancelled by someone else</td><td>{@link tractor.sc.Cancelled}</td>
 * <td>cancelled; {@code openChannelFrom} raises the failure</td></tr>
 * </table>
 *
 * @param <I> the type of the values sent to the foreign side
 * @param <O> the type of the values received from it
 * @param <R> the type of its result
 */
public interface LinkedChannel<I, O, R> extends Iterable<O> {
    /**
     * Sends a value to the foreign side without waiting (its buffer is unbounded).
     *
     * @throws NullPointerException when {@code value} is null
     * @throws tractor.sc.ClosedResourceException after the body ended
     */
    void send(I value);

    /**
     * The next value the foreign side sent, waiting for one; a checkpoint.
     *
     * @throws tractor.sc.EndOfChannelException when the foreign side returned and every value was received
     */
    O receive();

    /**
     * Waits for the foreign side's result; a checkpoint.
     *
     * @throws Exception the foreign side's failure, unwrapped
     */
    R result() throws Exception;

    /** Cancels the foreign work ({@code CompletableFuture.cancel(true)}); tractor's {@code cancel_asyncio_task}. */
    void cancelForeign();
}
