package tractor.transport.spi;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import tractor.TransportClosed;
import tractor.sc.ClosedResourceException;

/**
 * The write side of a {@link FrameChannelImpl}: write-through when sends are sparse, write-behind when
 * they stream.
 *
 * <p>A send that comes more than {@link #STREAMING_GAP} after the previous one, with nothing queued,
 * writes its frame on the caller's thread (one {@code write} syscall, no hand-off: the round-trip case).
 * A send that follows the previous one more closely, or finds frames queued or being written, appends
 * its frame to a queue buffer and returns; one writer (a virtual thread of the channel, started on first
 * use) drains the whole buffer in one {@code write} while the senders fill the next one. Frames keep
 * their order: the caller writes only when nothing is queued or in flight. The queue is bounded
 * ({@link #QUEUE_BYTES}); a sender finding it full waits (an interrupt meanwhile gives up before
 * anything of its frame is queued). A frame larger than the queue waits for the queue to drain and is
 * written by its caller.
 *
 * <p>Errors: a write error of the writer breaks the channel ({@code onBroken}); the frames still queued
 * are lost with the connection, and the next send, receive or flush reports the break.
 * {@link #flush(Duration)} waits until everything queued reached the socket; close and half-close call it.
 */
final class FrameWriter {
    /** Sends closer together than this are coalesced by the writer (write-behind). */
    static final long STREAMING_GAP = TimeUnit.MICROSECONDS.toNanos(20);
    /** The largest number of queued bytes. */
    static final int QUEUE_BYTES = 256 * 1024;
    /**
     * The smallest queue buffer: buffers start here and double as frames need (up to {@link #QUEUE_BYTES}), and
     * shrink back here once the writer finds them drained, so an idle channel holds two small buffers, not
     * half a megabyte (thousands of actors in one JVM each hold a few channels).
     */
    static final int QUEUE_START = 4 * 1024;
    /**
     * How long the writer must find nothing to write before it gives grown buffers back: a stream whose
     * writer catches up between two frames keeps its buffers instead of reallocating them per batch.
     */
    static final long SHRINK_AFTER_IDLE = TimeUnit.MILLISECONDS.toNanos(2);

    /** What the writer needs from its channel. */
    interface Owner {
        /** Throws when the channel is closed or broken. */
        void ensureWritable();

        /** Whether this side closed the channel. */
        boolean closed();

        /** Whether the channel is closed or broken. */
        boolean ended();

        /** Records a write failure (breaks the channel) and returns the exception to throw. */
        TransportClosed brokenBy(String doing, IOException e);
    }

    private final SocketChannel socket;
    /** Where a writer waits for room in the socket buffer: opened on first need (two descriptors saved per idle channel). */
    private Selector selector;
    private boolean released;
    private final Owner owner;
    private final String name;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition work = lock.newCondition();
    private final Condition progress = lock.newCondition();
    private final ByteBuffer header = ByteBuffer.allocateDirect(4).order(ByteOrder.LITTLE_ENDIAN);
    private final ByteBuffer[] frame = {header, null};
    private ByteBuffer queue;
    private ByteBuffer outgoing;
    private boolean writing;
    private Thread writer;
    private long lastSend;
    /** Frames that went through the queue, and the writer's batches (for tests and benchmarks). */
    private long queuedFrames;
    private long batches;

    FrameWriter(SocketChannel socket, Owner owner, String name) {
        this.socket = socket;
        this.owner = owner;
        this.name = name;
    }

    /** Writes or queues one frame whose body is the remaining bytes of {@code body} (see the class notes). */
    void send(ByteBuffer body) throws InterruptedIOException {
        int n = body.remaining();
        lockInterruptibly("before writing");
        try {
            owner.ensureWritable();
            long now = System.nanoTime();
            boolean streaming = now - lastSend < STREAMING_GAP;
            lastSend = now;
            boolean idle = !writing && (queue == null || queue.position() == 0);
            if ((idle && !streaming) || 4 + n > QUEUE_BYTES) {
                if (!idle) awaitDrained(Long.MAX_VALUE, true);
                writeDirect(body, n);
                return;
            }
            while (queue != null && queue.remaining() < 4 + n && !grow(4 + n)) {
                awaitProgress();
                owner.ensureWritable();
            }
            enqueue(body, n);
        } finally {
            lock.unlock();
        }
    }

    private void writeDirect(ByteBuffer body, int n) {
        header.clear().putInt(0, n);
        frame[1] = body;
        try {
            writeFully(frame);
        } finally {
            frame[1] = null;
        }
    }

    private void enqueue(ByteBuffer body, int n) {
        if (queue == null) {
            queue = buffer(QUEUE_START);
            outgoing = buffer(QUEUE_START);
        }
        if (queue.remaining() < 4 + n && !grow(4 + n)) throw new IllegalStateException("no room for a frame of " + n + " bytes in " + this);
        queue.putInt(n).put(body);
        queuedFrames++;
        if (writer == null) writer = Thread.ofVirtual().name("tractor-frame-writer " + name).start(this::drainLoop);
        work.signal();
    }

    /**
     * Makes room for {@code need} more bytes by moving the queue to a buffer twice as large (or as large as
     * needed), up to {@link #QUEUE_BYTES}; false when that is not enough (the sender waits for the writer).
     */
    private boolean grow(int need) {
        int used = queue.position();
        if (queue.capacity() - used >= need) return true;
        int size = Math.max(queue.capacity() * 2, QUEUE_START);
        while (size < used + need && size < QUEUE_BYTES) size *= 2;
        size = Math.min(size, QUEUE_BYTES);
        if (size - used < need) return false;
        ByteBuffer bigger = buffer(size);
        bigger.put(queue.flip());
        queue = bigger;
        return true;
    }

    private static ByteBuffer buffer(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** The writer: swaps the queue out and writes it whole, until the channel ends. */
    private void drainLoop() {
        while (true) {
            lock.lock();
            try {
                awaitWork();
                if (queue.position() == 0) return;
                ByteBuffer full = queue;
                queue = outgoing.clear();
                outgoing = full.flip();
                writing = true;
                batches++;
                progress.signalAll(); // the queue has room again
            } finally {
                lock.unlock();
            }
            boolean ok = false;
            try {
                writeFully(new ByteBuffer[] {outgoing});
                ok = true;
            } catch (RuntimeException e) {
                // the channel is broken or closed: senders learn it from ensureWritable
            } finally {
                lock.lock();
                try {
                    writing = false;
                    progress.signalAll();
                } finally {
                    lock.unlock();
                }
            }
            if (!ok) return;
        }
    }

    /**
     * The writer waits for frames (lock held); once it found none for {@link #SHRINK_AFTER_IDLE}, it gives
     * grown buffers back (an idle channel holds two small ones) and waits without a bound.
     */
    private void awaitWork() {
        long left = SHRINK_AFTER_IDLE;
        while (queue.position() == 0 && !owner.ended() && left > 0) {
            try {
                left = work.awaitNanos(left);
            } catch (InterruptedException e) {
                left = 0; // nobody interrupts the writer but close; it sees the end below
            }
        }
        if (queue.position() == 0 && queue.capacity() > QUEUE_START) {
            queue = buffer(QUEUE_START);
            outgoing = buffer(QUEUE_START);
        }
        while (queue.position() == 0 && !owner.ended()) work.awaitUninterruptibly();
    }

    /**
     * Waits at most {@code bound} until every queued frame reached the socket; true when it did.
     * Throws as a send would when the channel broke meanwhile.
     */
    boolean flush(Duration bound, boolean interruptible) throws IOException {
        return flush(bound, interruptible, () -> {});
    }

    /** An action on the socket. */
    interface SocketAction {
        void run() throws IOException;
    }

    /**
     * Like {@link #flush(Duration, boolean)}, then runs {@code then} once drained, before any other send
     * can write (a half-close after the frames queued before it).
     */
    boolean flush(Duration bound, boolean interruptible, SocketAction then) throws IOException {
        if (interruptible) lockInterruptibly("while flushing");
        else lock.lock();
        try {
            if (!awaitDrained(System.nanoTime() + bound.toNanos(), interruptible)) return false;
            then.run();
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** The queue buffer's capacity now (0 before the first queued frame), for tests. */
    int queueCapacity() {
        lock.lock();
        try {
            return queue == null ? 0 : queue.capacity();
        } finally {
            lock.unlock();
        }
    }

    /** {@code [frames queued, batches written]} so far. */
    long[] stats() {
        lock.lock();
        try {
            return new long[] {queuedFrames, batches};
        } finally {
            lock.unlock();
        }
    }

    /** Wakes the writer so that it sees the channel's end. */
    void wakeUp() {
        lock.lock();
        try {
            work.signalAll();
            progress.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private boolean awaitDrained(long deadline, boolean interruptible) throws InterruptedIOException {
        while (writing || (queue != null && queue.position() > 0)) {
            if (owner.closed()) return false;
            owner.ensureWritable();
            long left = deadline - System.nanoTime();
            if (left <= 0) return false;
            try {
                progress.awaitNanos(left);
            } catch (InterruptedException e) {
                if (interruptible) throw (InterruptedIOException) new InterruptedIOException("flush of " + name + " interrupted").initCause(e);
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    private void awaitProgress() throws InterruptedIOException {
        try {
            progress.await();
        } catch (InterruptedException e) {
            throw (InterruptedIOException) new InterruptedIOException("send on " + name + " interrupted while the queue was full; nothing written").initCause(e);
        }
    }

    private void lockInterruptibly(String when) throws InterruptedIOException {
        try {
            lock.lockInterruptibly();
        } catch (InterruptedException e) {
            throw (InterruptedIOException) new InterruptedIOException("send on " + name + " interrupted " + when).initCause(e);
        }
    }

    /** Writes every byte; an interrupt meanwhile only wakes the selector and is restored at the end. */
    private void writeFully(ByteBuffer[] bufs) {
        boolean interrupted = false;
        try {
            while (true) {
                socket.write(bufs);
                if (!remaining(bufs)) break;
                interrupted |= Thread.interrupted();
                Selector sel = selector();
                sel.select();
                sel.selectedKeys().clear();
                if (owner.closed()) throw new ClosedResourceException(name + " was closed during a send");
            }
        } catch (IOException | ClosedSelectorException e) {
            if (owner.closed()) throw (ClosedResourceException) new ClosedResourceException(name + " was closed during a send").initCause(e);
            throw owner.brokenBy("sending", e instanceof IOException io ? io : new IOException(e));
        } finally {
            if (interrupted || Thread.interrupted()) Thread.currentThread().interrupt();
        }
    }

    /** The write selector, opened and registered on first use; throws once released. */
    private synchronized Selector selector() throws IOException {
        if (released) throw new ClosedSelectorException();
        if (selector == null) {
            Selector sel = Selector.open();
            socket.register(sel, java.nio.channels.SelectionKey.OP_WRITE);
            selector = sel;
        }
        return selector;
    }

    /** Wakes a writer waiting for room and closes the write selector; idempotent. */
    void release() {
        Selector sel;
        synchronized (this) {
            released = true;
            sel = selector;
        }
        if (sel == null) return;
        sel.wakeup();
        try {
            sel.close();
        } catch (IOException ignored) {
            // best effort: the descriptor is gone either way
        }
    }

    private static boolean remaining(ByteBuffer[] bufs) {
        for (ByteBuffer b : bufs) if (b.hasRemaining()) return true;
        return false;
    }

    @Override
    public String toString() {
        return "FrameWriter[" + name + (writing ? ", writing" : "") + (queue != null ? ", " + queue.position() + " bytes queued]" : "]");
    }
}
