package tractor.sc.interop;

import java.util.concurrent.CompletableFuture;

/**
 * The foreign side's end of a channel opened by {@link Interop#openChannelFrom} (tractor's asyncio
 * side: {@code started_nowait}, {@code send_nowait}, {@code get}). Every method returns at once; it is
 * safe to call from any thread.
 *
 * @param <I> the type of the values received from the task
 * @param <O> the type of the values sent to the task
 */
public interface ForeignEnd<I, O> {
    /**
     * Hands the task its first value: {@code openChannelFrom} runs its body from now on.
     *
     * @throws IllegalStateException when called twice
     * @throws NullPointerException when {@code first} is null
     */
    void started(O first);

    /**
     * Sends a value to the task without waiting (the buffer is unbounded, as an asyncio queue).
     *
     * @throws tractor.sc.ClosedResourceException when the task left the channel
     * @throws NullPointerException when {@code value} is null
     */
    void send(O value);

    /**
     * The next value the task sends. When the task leaves the channel, pending and later receives fail
     * with {@link java.util.concurrent.CancellationException}.
     */
    CompletableFuture<I> receive();

    /** Completes when the task left the channel (its body ended, normally, with an error or cancelled). */
    CompletableFuture<Void> closed();
}
