package tractor.sc;

import java.util.Iterator;

/**
 * The receiving end of a memory channel (trio's {@code MemoryReceiveChannel}). Iteration receives
 * until the end of the channel:
 * {@snippet :
 * for (String s : receiver) handle(s);
 * }
 */
public sealed interface ReceiveChannel<T> extends AutoCloseable, Iterable<T> permits MemoryChannelState.Receiver {
    /**
     * Receives the next value, waiting for one; a checkpoint.
     *
     * @throws EndOfChannelException when every sender closed and nothing is left
     * @throws ClosedResourceException when this handle is closed
     */
    T receive();

    /**
     * Receives without waiting.
     *
     * @throws WouldBlockException when no value is ready
     * @throws EndOfChannelException when every sender closed and nothing is left
     * @throws ClosedResourceException when this handle is closed
     */
    T receiveNowait();

    /** A new handle on the same channel, counted as one more receiver. */
    ReceiveChannel<T> clone();

    /**
     * Closes this handle; idempotent. When the last receiving handle closes, buffered values are
     * dropped and senders get {@link BrokenResourceException}.
     */
    @Override
    void close();

    /** Iterates by {@link #receive()}, ending quietly at the end of the channel. */
    @Override
    Iterator<T> iterator();
}
