package tractor.sc;

/**
 * The sending end of a memory channel (trio's {@code MemorySendChannel}). Several handles made by
 * {@link #clone()} share one channel; when every sending handle is closed the receivers see the end of
 * the channel once they drained what was sent.
 */
public sealed interface SendChannel<T> extends AutoCloseable permits MemoryChannelState.Sender {
    /**
     * Sends {@code value}, waiting while the buffer is full (with capacity 0, until a receiver takes
     * it); a checkpoint. A send that is cancelled did not deliver its value.
     *
     * @throws NullPointerException when {@code value} is null
     * @throws ClosedResourceException when this handle is closed
     * @throws BrokenResourceException when every receiving handle is closed
     */
    void send(T value);

    /**
     * Sends without waiting.
     *
     * @throws WouldBlockException when the value cannot be taken now
     * @throws ClosedResourceException when this handle is closed
     * @throws BrokenResourceException when every receiving handle is closed
     */
    void sendNowait(T value);

    /**
     * A new handle on the same channel, counted as one more sender.
     *
     * @throws ClosedResourceException when this handle is closed
     */
    SendChannel<T> clone();

    /** Closes this handle; idempotent. A task blocked in {@link #send} on it gets {@link ClosedResourceException}. */
    @Override
    void close();
}
