package tractor.transport.inproc;

import java.io.InterruptedIOException;
import java.util.ArrayDeque;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import tractor.TransportClosed;
import tractor.sc.BusyResourceException;
import tractor.sc.ClosedResourceException;
import tractor.transport.spi.FrameSink;

/**
 * One direction of an in-process connection: the frames one end sent that the other end has not taken.
 * In pull mode the receiver takes them; a sender waits while more than the byte budget is queued. In
 * push mode the sender that finds nobody delivering becomes the deliverer: it hands frames to the sink one
 * at a time, in queue order, outside the lock, until the queue is empty, then the end once. A send made
 * by the deliverer itself (from inside the sink) is queued and delivered after the current call, never
 * nested. The lock is held only for queue bookkeeping, never across a sink call or a wait.
 */
final class Pipe {
    /** Bytes queued per direction before a sender waits, unless the queue is empty. */
    static final long DEFAULT_BUDGET = 1 << 20;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final ArrayDeque<byte[]> queue = new ArrayDeque<>(4);
    private final String name;
    private final long budget;
    private final int receiverMax;
    private Pipe reverse;
    private long bytes;
    private String writerEnded;  // why the writer stopped, null while it writes
    private String readerClosed; // why the reader closed, null while it is open
    private TransportClosed broken;
    private boolean receiving;
    private FrameSink sink;
    private Thread deliverer;
    private boolean endDelivered;

    private Pipe(String name, long budget, int receiverMax) {
        this.name = name;
        this.budget = budget;
        this.receiverMax = receiverMax;
    }

    /** Two pipes of one connection: each breaks the other with it. */
    static Pipe[] pair(String ab, int bMax, String ba, int aMax, long budget) {
        Pipe p = new Pipe(ab, budget, bMax);
        Pipe q = new Pipe(ba, budget, aMax);
        p.reverse = q;
        q.reverse = p;
        return new Pipe[] {p, q};
    }

    /** Queues {@code body} (owned by the pipe from now), waiting while over budget; delivers in push mode. */
    void put(byte[] body) throws InterruptedIOException {
        if (body.length > receiverMax) {
            TransportClosed e = new TransportClosed("frame of " + body.length + " bytes on " + name
                    + " exceeds the receiver's maxFrameSize " + receiverMax + "; connection broken");
            breakBoth(e);
            throw copy(e);
        }
        acquire("send");
        try {
            while (!admits(body.length)) await(-1, "send");
            queue.add(body);
            bytes += body.length;
            changed.signalAll();
            if (!claimDelivery()) return;
        } finally {
            lock.unlock();
        }
        drain();
    }

    private boolean admits(int n) {
        if (broken != null) throw copy(broken);
        if (writerEnded != null) throw new ClosedResourceException(writerEnded);
        if (readerClosed != null) throw new TransportClosed("peer closed the connection (" + name + ")");
        return bytes == 0 || bytes + n <= budget || deliverer == Thread.currentThread();
    }

    /**
     * Takes the next frame, waiting up to {@code nanos} (negative: forever).
     *
     * @return the frame, or null when the time ran out
     */
    byte[] take(long nanos) throws InterruptedIOException {
        acquire("receive");
        try {
            if (sink != null) throw new IllegalStateException("receive on " + name + " after deliverTo: frames go to " + sink);
            if (receiving) throw new BusyResourceException("another thread is already receiving on " + name);
            receiving = true;
            try {
                return awaitFrame(nanos);
            } finally {
                receiving = false;
            }
        } finally {
            lock.unlock();
        }
    }

    private byte[] awaitFrame(long nanos) throws InterruptedIOException {
        while (true) {
            if (readerClosed != null) throw new ClosedResourceException(readerClosed);
            if (broken != null) throw copy(broken);
            byte[] f = poll();
            if (f != null) return f;
            if (writerEnded != null) throw new TransportClosed("peer closed the connection (" + name + ")");
            if (nanos == 0) return null;
            nanos = await(nanos, "receive");
        }
    }

    /** Push mode: queued frames first, then every later one, go to {@code s}. */
    void deliverTo(FrameSink s) {
        lock.lock();
        try {
            if (sink != null) throw new IllegalStateException(name + " is already in push mode, delivering to " + sink);
            if (receiving) throw new IllegalStateException("a receive is waiting on " + name + "; deliverTo refused");
            sink = s;
            if (!claimDelivery()) return;
        } finally {
            lock.unlock();
        }
        drain();
    }

    /** The writer half-closed or closed: the reader sees a clean end after the queued frames. */
    void endWriting(String why) {
        update(() -> {
            if (writerEnded == null) writerEnded = why;
        });
    }

    /** The reader closed: queued frames are dropped, waiters end, a sink gets {@code end(null)}. */
    void closeReader(String why) {
        update(() -> {
            if (readerClosed != null) return;
            readerClosed = why;
            clear();
        });
    }

    /** Breaks this direction: every later operation and the sink see {@code e}. */
    void fail(TransportClosed e) {
        update(() -> {
            if (broken != null || readerClosed != null) return;
            broken = e;
            clear();
        });
    }

    void breakBoth(TransportClosed e) {
        fail(e);
        reverse.fail(e);
    }

    /** Whether frames can still reach the reader: not broken, reader not closed. */
    boolean accepting() {
        lock.lock();
        try {
            return broken == null && readerClosed == null;
        } finally {
            lock.unlock();
        }
    }

    /** Throws the break of this direction, if any. */
    void checkBroken() {
        lock.lock();
        try {
            if (broken != null) throw copy(broken);
        } finally {
            lock.unlock();
        }
    }

    private void update(Runnable change) {
        lock.lock();
        try {
            change.run();
            changed.signalAll();
            if (!claimDelivery()) return;
        } finally {
            lock.unlock();
        }
        drain();
    }

    /** Under the lock: whether the caller becomes the deliverer (push mode, nobody delivering, work to do). */
    private boolean claimDelivery() {
        if (sink == null || deliverer != null || endDelivered || (queue.isEmpty() && !ended())) return false;
        deliverer = Thread.currentThread();
        return true;
    }

    private boolean ended() {
        return readerClosed != null || broken != null || (writerEnded != null && queue.isEmpty());
    }

    /** Delivers until nothing is left; runs on the deliverer's thread, outside the lock. */
    private void drain() {
        try {
            while (deliverNext()) {
                // one frame or the end per round
            }
        } finally {
            lock.lock();
            try {
                if (deliverer == Thread.currentThread()) deliverer = null;
            } finally {
                lock.unlock();
            }
        }
    }

    private boolean deliverNext() {
        byte[] frame;
        TransportClosed end = null;
        lock.lock();
        try {
            frame = endDelivered ? null : poll();
            if (frame == null) {
                if (endDelivered || !ended()) {
                    deliverer = null;
                    return false;
                }
                endDelivered = true;
                end = readerClosed != null ? null : broken != null ? copy(broken) : new TransportClosed("peer closed the connection (" + name + ")");
            }
        } finally {
            lock.unlock();
        }
        if (frame != null) deliverFrame(frame);
        else deliverEnd(end);
        return true;
    }

    private void deliverFrame(byte[] frame) {
        try {
            sink.frame(frame);
        } catch (RuntimeException e) {
            breakBoth(new TransportClosed("frame sink " + sink + " on " + name + " threw " + e, e));
        }
    }

    private void deliverEnd(TransportClosed end) {
        try {
            sink.end(end);
        } catch (RuntimeException ignored) {
            // the end is the last call: nobody is left to tell, and the sender or closer must not fail for it
        }
    }

    private byte[] poll() {
        byte[] f = queue.poll();
        if (f != null) {
            bytes -= f.length;
            changed.signalAll();
        }
        return f;
    }

    private void clear() {
        queue.clear();
        bytes = 0;
    }

    private void acquire(String what) throws InterruptedIOException {
        if (lock.tryLock()) return;
        try {
            lock.lockInterruptibly();
        } catch (InterruptedException e) {
            throw (InterruptedIOException) new InterruptedIOException(what + " on " + name + " interrupted; nothing done").initCause(e);
        }
    }

    /** Waits for a change, {@code nanos} at most (negative: forever); returns the nanos left. */
    private long await(long nanos, String what) throws InterruptedIOException {
        try {
            if (nanos < 0) {
                changed.await();
                return -1;
            }
            return Math.max(0, changed.awaitNanos(nanos));
        } catch (InterruptedException e) {
            throw (InterruptedIOException) new InterruptedIOException(what + " on " + name + " interrupted; nothing done").initCause(e);
        }
    }

    private static TransportClosed copy(TransportClosed e) {
        return new TransportClosed(e.getMessage(), e.getCause() != null ? e.getCause() : e);
    }

    @Override
    public String toString() {
        lock.lock();
        try {
            return "Pipe[" + name + ", " + queue.size() + " frames / " + bytes + " of " + budget + " bytes"
                    + (sink != null ? ", push" : "") + (writerEnded != null ? ", writer ended" : "")
                    + (readerClosed != null ? ", reader closed" : "") + (broken != null ? ", broken" : "") + "]";
        } finally {
            lock.unlock();
        }
    }
}
