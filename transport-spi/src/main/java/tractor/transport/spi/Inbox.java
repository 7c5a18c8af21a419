package tractor.transport.spi;

import java.io.InterruptedIOException;
import java.util.ArrayDeque;
import java.util.Optional;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import tractor.TransportClosed;
import tractor.sc.BusyResourceException;
import tractor.sc.ClosedResourceException;

/**
 * The hand-off between a channel's reader thread and its single receiver: bodies queued up to a byte
 * budget (at least one frame), then the end state (closed by us, or broken by the peer).
 */
final class Inbox {
    static final long BYTE_BUDGET = 1 << 20;

    private final ReentrantLock lock = new ReentrantLock();
    /** Signalled for the receiver: a frame arrived, or the end state was set. */
    private final Condition arrived = lock.newCondition();
    /** Signalled for the reader: budget was freed, or the inbox was closed. */
    private final Condition space = lock.newCondition();
    private final ArrayDeque<byte[]> frames = new ArrayDeque<>();
    private boolean receiverWaiting;
    private boolean readerWaiting;
    private final String owner;
    private long bytes;
    private Thread receiver;
    private boolean closed;
    private TransportClosed broken;

    Inbox(String owner) {
        this.owner = owner;
    }

    /** Reader side: queues a body, waiting while the budget is spent; false once the inbox is closed. */
    boolean put(byte[] body) throws InterruptedException {
        lock.lock();
        try {
            while (!closed && !frames.isEmpty() && bytes + body.length > BYTE_BUDGET) {
                readerWaiting = true;
                space.await();
            }
            if (closed) return false;
            frames.add(body);
            bytes += body.length;
            if (receiverWaiting) arrived.signal();
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Reader side: the peer or the network ended the stream; queued frames are still delivered first. */
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

    /** Takes the next body; waits at most {@code nanos} (negative: forever). */
    Optional<byte[]> take(long nanos) throws InterruptedIOException {
        lock.lock();
        try {
            if (receiver != null) throw new BusyResourceException("another thread (" + receiver + ") is already receiving on " + owner);
            receiver = Thread.currentThread();
            try {
                return awaitFrame(nanos);
            } finally {
                receiver = null;
            }
        } finally {
            lock.unlock();
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
            return "Inbox[" + frames.size() + " frames, " + bytes + " bytes" + (closed ? ", closed" : "")
                    + (broken != null ? ", broken: " + broken.getMessage() : "") + "]";
        } finally {
            lock.unlock();
        }
    }
}
