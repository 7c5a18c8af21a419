package tractor.transport.spi;

import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.Optional;

/**
 * A bound server endpoint that accepts {@link FrameChannel}s. Interrupting a thread blocked in
 * {@link #accept} wakes it with {@link InterruptedIOException}; the listener stays open.
 */
public interface Listener extends AutoCloseable {
    /** The address actually bound: a TCP port 0 is reported as the real port. */
    Address boundAddress();

    /**
     * Waits for the next connection.
     *
     * @param timeout how long to wait at most
     * @return the accepted channel, or empty when the timeout expired first
     * @throws tractor.sc.ClosedResourceException if the listener is closed, before or during the wait
     * @throws InterruptedIOException if the calling thread is interrupted while waiting (the listener stays open)
     * @throws TransportException if the accept itself fails
     */
    Optional<FrameChannel> accept(Duration timeout) throws InterruptedIOException;

    /**
     * Stops listening and releases the socket (and the socket file, for a file-based transport).
     * Idempotent; a concurrent {@link #accept} ends with {@link tractor.sc.ClosedResourceException}.
     */
    @Override
    void close();
}
