package tractor.runtime;

import java.util.concurrent.atomic.AtomicInteger;
import tractor.TransportClosed;
import tractor.sc.EndOfChannelException;
import tractor.sc.MemoryChannel;
import tractor.sc.Sc;
import tractor.sc.WouldBlockException;

/**
 * The msgs of one context waiting for its task. Stream msgs ({@code Yield}) count against a bound
 * (tractor's {@code msg_buffer_size}, 64); past it, with overruns allowed, up to 616 more are queued,
 * otherwise the msg is refused (the caller reports an overrun to the sender). Control msgs
 * ({@code Started}, {@code Stop}, {@code Return}, {@code Error}) are never refused: at most a few per
 * dialog, so the queue stays bounded either way.
 */
final class ContextInbox {
    static final int BUFFER = 64;
    static final int OVERFLOW = 616;
    private static final int CONTROL_SLACK = 16;

    private volatile int yieldLimit;
    private final MemoryChannel<Msg> queue;
    private final AtomicInteger yields = new AtomicInteger();
    /** Msgs queued and not yet taken: {@link #poll} answers "none" without the channel's WouldBlockException. */
    private final AtomicInteger queued = new AtomicInteger();
    private volatile TransportClosed failure;
    private volatile boolean dropped;

    /** Queued where this side dropped stream msgs: the receiving task learns of the loss there. */
    static final Msg.Stop DROPPED = new Msg.Stop("\u0000overrun");

    ContextInbox(boolean allowOverruns) {
        this.yieldLimit = allowOverruns ? BUFFER + OVERFLOW : BUFFER;
        this.queue = Sc.openMemoryChannel(BUFFER + OVERFLOW + CONTROL_SLACK); // a bound only: the deque grows lazily
    }

    /** From now on, queue up to {@link #OVERFLOW} stream msgs past the buffer instead of refusing them. */
    void allowOverruns() {
        yieldLimit = BUFFER + OVERFLOW;
    }

    /** How many stream msgs may wait here. */
    int limit() {
        return yieldLimit;
    }

    /** Queues {@code msg}; false when it is a stream msg past the bound (an overrun). */
    boolean offer(Msg msg) {
        boolean isYield = msg instanceof Msg.Yield;
        if (isYield && yields.incrementAndGet() > yieldLimit) {
            yields.decrementAndGet();
            if (!dropped) {
                dropped = true;
                try {
                    queue.sender().sendNowait(DROPPED); // control slack keeps room for it
                    queued.incrementAndGet();
                } catch (RuntimeException e) {
                    // the owner left: nobody to tell
                }
            }
            return false;
        }
        try {
            queue.sender().sendNowait(msg);
            queued.incrementAndGet();
            return true;
        } catch (WouldBlockException | tractor.sc.ClosedResourceException | tractor.sc.BrokenResourceException e) {
            if (isYield) yields.decrementAndGet();
            return !isYield;
        }
    }

    void fail(TransportClosed cause) {
        failure = cause;
        queue.sender().close();
    }

    /** The next msg; a checkpoint. @throws TransportClosed once the channel broke and the queue is drained */
    Msg take() {
        try {
            return counted(queue.receiver().receive());
        } catch (EndOfChannelException e) {
            throw broken();
        }
    }

    /**
     * The next msg if one is queued, else null. Called once per value a producer sends (for its credits):
     * an empty inbox is answered from a counter, not by a thrown WouldBlockException.
     *
     * @throws TransportClosed once the channel broke and the queue is drained
     */
    Msg poll() {
        if (queued.get() == 0 && failure == null) return null;
        try {
            return counted(queue.receiver().receiveNowait());
        } catch (WouldBlockException e) {
            return null;
        } catch (EndOfChannelException e) {
            throw broken();
        }
    }

    private Msg counted(Msg m) {
        queued.decrementAndGet();
        if (m instanceof Msg.Yield) yields.decrementAndGet();
        return m;
    }

    private TransportClosed broken() {
        TransportClosed f = failure;
        return f != null ? new TransportClosed(f.getMessage(), f) : new TransportClosed("context dialog ended");
    }

    void close() {
        queue.receiver().close();
    }
}
