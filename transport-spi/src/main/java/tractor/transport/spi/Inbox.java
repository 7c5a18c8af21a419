package tractor.transport.spi;

import java.io.InterruptedIOException;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import tractor.TransportClosed;
import tractor.sc.BusyResourceException;
import tractor.sc.ClosedResourceException;

/**
 * The hand-off between a channel's reader and its single receiver: bodies queued up to a byte budget
 * (at least one frame), then the end state (closed by us, or broken by the peer). In push mode
 * ({@link #switchToPush}) the queued bodies, every later one and the end go to a {@link FrameSink} instead.
 *
 * <p>Exactly one reader delivers ({@link #offer} or {@link #put}, then {@link #end}); a second lock,
 * {@code delivery}, orders its deliveries with the switch to push mode, so that the sink sees the queued
 * bodies first, in order, one call at a time, and the end exactly once.
 */
final class Inbox {
    static final long BYTE_BUDGET = 1 << 20;

    private final ReentrantLock lock = new ReentrantLock();
    /** Signalled for the receiver: a frame arrived, or the end state was set. */
    private final Condition arrived = lock.newCondition();
    /** Signalled for a blocking reader ({@link #put}): budget was freed, push mode began, or the inbox was closed. */
    private final Condition space = lock.newCondition();
    private final ArrayDeque<byte[]> frames = new ArrayDeque<>();
    private final String owner;
    private final Runnable onSpace;
    private final Consumer<TransportClosed> onSinkFailure;
    private boolean receiverWaiting;
    private boolean readerWaiting;
    /** The non-blocking reader stopped reading at the budget ({@link #offer} returned false). */
    private boolean readerPaused;
    private long bytes;
    private Thread receiver;
    private volatile boolean closed;
    private TransportClosed broken;
    private boolean push;
    private final PushState pushState = new PushState();

    /**
     * @param onSpace       runs (outside the lock) when a paused reader may read again
     * @param onSinkFailure breaks the channel when its sink throws
     */
    Inbox(String owner, Runnable onSpace, Consumer<TransportClosed> onSinkFailure) {
        this.owner = owner;
        this.onSpace = onSpace;
        this.onSinkFailure = onSinkFailure;
    }

    /**
     * Reader side, never blocks: queues a body (or hands it to the sink in push mode). Returns false when
     * the budget is spent: the reader should stop reading until {@code onSpace} runs.
     */
    boolean offer(byte[] body) {
        pushState.lock();
        try {
            if (pushState.active()) {
                if (!closed) pushState.frame(body, this::sinkFailed);
                return true;
            }
            return enqueue(body);
        } finally {
            pushState.unlock();
        }
    }

    /** Reader side, for a reader thread of its own: waits while the budget is spent; false once the inbox is closed. */
    boolean put(byte[] body) throws InterruptedException {
        lock.lock();
        try {
            while (!closed && !push && !frames.isEmpty() && bytes + body.length > BYTE_BUDGET) {
                readerWaiting = true;
                space.await();
            }
            if (closed) return false;
        } finally {
            lock.unlock();
        }
        offer(body);
        return true;
    }

    private boolean enqueue(byte[] body) {
        lock.lock();
        try {
            if (closed) return true;
            frames.add(body);
            bytes += body.length;
            if (receiverWaiting) arrived.signal();
            // sticky: only a take (which then resumes the reader), the switch to push mode or the end clears it
            if (bytes >= BYTE_BUDGET) readerPaused = true;
            return !readerPaused;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Reader side, once: the stream ended, closed by this side ({@code why} null) or broken. Queued frames
     * are still received first; a sink gets {@link FrameSink#end} now, or after the switch if it comes later.
     */
    void end(TransportClosed why) {
        pushState.lock();
        try {
            if (why != null) fail(why);
            lock.lock();
            try {
                readerPaused = false;
            } finally {
                lock.unlock();
            }
            pushState.end(why);
        } finally {
            pushState.unlock();
        }
    }

    /** The peer or the network ended the stream; queued frames are still delivered first. */
    void fail(TransportClosed e) {
        lock.lock();
        try {
            if (broken == null) broken = e;
            arrived.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** This side closed the channel: waiting receivers end with {@link ClosedResourceException}. */
    void close() {
        lock.lock();
        try {
            closed = true;
            frames.clear();
            arrived.signalAll();
            space.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Whether the peer or the network broke the stream. */
    boolean isBroken() {
        lock.lock();
        try {
            return broken != null;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Push mode: the queued bodies go to {@code sink} now, on this thread, then the reader hands it every
     * later one; the end follows once.
     *
     * @throws IllegalStateException if already in push mode, or a receive is waiting
     */
    void switchToPush(FrameSink sink) {
        pushState.lock();
        try {
            List<byte[]> queued;
            boolean wasPaused;
            lock.lock();
            try {
                if (push) throw new IllegalStateException(owner + " already delivers its frames to a sink (deliverTo was called before)");
                if (receiver != null) throw new IllegalStateException("cannot switch " + owner + " to push mode while " + receiver + " is receiving");
                push = true;
                queued = List.copyOf(frames);
                frames.clear();
                bytes = 0;
                wasPaused = readerPaused;
                readerPaused = false;
                space.signalAll();
            } finally {
                lock.unlock();
            }
            pushState.activate(sink, queued, this::sinkFailed);
            if (wasPaused) onSpace.run();
        } finally {
            pushState.unlock();
        }
    }

    private void sinkFailed(Throwable e) {
        onSinkFailure.accept(new TransportClosed("the frame sink of " + owner + " threw " + e, e));
    }

    /** Takes the next body; waits at most {@code nanos} (negative: forever). */
    Optional<byte[]> take(long nanos) throws InterruptedIOException {
        boolean resume = false;
        lock.lock();
        try {
            if (push) throw new IllegalStateException("cannot receive on " + owner + ": its frames go to the sink given to deliverTo");
            if (receiver != null) throw new BusyResourceException("another thread (" + receiver + ") is already receiving on " + owner);
            receiver = Thread.currentThread();
            try {
                Optional<byte[]> f = awaitFrame(nanos);
                if (readerPaused && bytes <= BYTE_BUDGET / 2) {
                    readerPaused = false;
                    resume = true;
                }
                return f;
            } finally {
                receiver = null;
            }
        } finally {
            lock.unlock();
            if (resume) onSpace.run();
        }
    }

    private Optional<byte[]> awaitFrame(long nanos) throws InterruptedIOException {
        boolean forever = nanos < 0;
        while (true) {
            if (closed) throw new ClosedResourceException(owner + " is closed");
            byte[] f = frames.poll();
            if (f != null) {
                bytes -= f.length;
                if (readerWaiting) {
                    readerWaiting = false;
                    space.signal();
                }
                return Optional.of(f);
            }
            if (broken != null) throw AuthenticationFailed.copyOf(broken);
            if (!forever && nanos <= 0) return Optional.empty();
            receiverWaiting = true;
            try {
                if (forever) arrived.await();
                else nanos = arrived.awaitNanos(nanos);
            } catch (InterruptedException e) {
                throw (InterruptedIOException) new InterruptedIOException("receive on " + owner + " interrupted").initCause(e);
            } finally {
                receiverWaiting = false;
            }
        }
    }

    @Override
    public String toString() {
        lock.lock();
        try {
            return "Inbox[" + frames.size() + " frames, " + bytes + " bytes" + (closed ? ", closed" : "") + (push ? ", push" : "")
                    + (broken != null ? ", broken: " + broken.getMessage() : "") + "]";
        } finally {
            lock.unlock();
        }
    }
}
