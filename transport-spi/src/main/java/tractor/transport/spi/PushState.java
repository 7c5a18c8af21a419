package tractor.transport.spi;

import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import tractor.TransportClosed;

/**
 * The push-mode side of an {@link Inbox}: the {@link FrameSink}, whether the stream ended and why, and
 * the lock that orders the reader's deliveries with the switch to push mode. Every method but
 * {@link #lock}/{@link #unlock} is called with the lock held.
 */
final class PushState {
    private static final System.Logger LOG = System.getLogger("tractor.transport");

    private final ReentrantLock delivery = new ReentrantLock();
    private FrameSink sink;
    /** The sink threw: it gets no more frames, only the end. */
    private boolean sinkFailed;
    private boolean ended;
    private TransportClosed endCause;
    private boolean endDelivered;

    void lock() {
        delivery.lock();
    }

    void unlock() {
        delivery.unlock();
    }

    /** Whether a sink receives the frames. */
    boolean active() {
        return sink != null;
    }

    /**
     * Hands one body to the sink; a sink that throws gets nothing more and {@code onFailure} runs once. An
     * {@code Error} counts too: it breaks that channel only, where escaping would end a read loop that
     * serves other channels (and leave them hanging).
     */
    void frame(byte[] body, Consumer<Throwable> onFailure) {
        if (sinkFailed) return;
        try {
            sink.frame(body);
        } catch (RuntimeException | Error e) {
            sinkFailed = true;
            onFailure.accept(e);
        }
    }

    /** Makes {@code s} the sink: the bodies queued before first, then the end if the stream already ended. */
    void activate(FrameSink s, List<byte[]> queued, Consumer<Throwable> onFailure) {
        sink = s;
        for (byte[] body : queued) frame(body, onFailure);
        if (ended) deliverEnd();
    }

    /** The stream ended (once); the sink, if any, is told now, else when it is set. */
    void end(TransportClosed why) {
        if (ended) return;
        ended = true;
        endCause = why;
        if (sink != null) deliverEnd();
    }

    private void deliverEnd() {
        if (endDelivered) return;
        endDelivered = true;
        try {
            sink.end(endCause);
        } catch (RuntimeException | Error e) {
            LOG.log(System.Logger.Level.WARNING, "the frame sink " + sink + " threw from end(" + endCause + ")", e);
        }
    }

    @Override
    public String toString() {
        return "PushState[" + (sink == null ? "pull" : "push to " + sink) + (sinkFailed ? ", sink failed" : "")
                + (ended ? ", ended" + (endCause != null ? ": " + endCause.getMessage() : " by close") : "") + "]";
    }
}
