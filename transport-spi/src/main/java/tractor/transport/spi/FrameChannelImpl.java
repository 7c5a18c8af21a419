package tractor.transport.spi;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import tractor.TransportClosed;
import tractor.sc.ClosedResourceException;

/**
 * The {@link FrameChannel} over a non-blocking {@link SocketChannel}: a platform reader thread feeding an
 * {@link Inbox}, and writes on the caller's thread under a lock (see the I/O ownership notes of
 * {@link FrameChannel}).
 */
final class FrameChannelImpl implements FrameChannel {
    private final SocketChannel socket;
    private final Address local;
    private final Address remote;
    private final int maxFrameSize;
    private final Inbox inbox;
    private final FrameReader reader;
    private final Thread readerThread;
    private final Selector writeSelector;
    private final ReentrantLock writeLock = new ReentrantLock();
    /** The length prefix and the frame being written; reused, guarded by {@link #writeLock}. */
    private final ByteBuffer header = ByteBuffer.allocateDirect(4).order(ByteOrder.LITTLE_ENDIAN);
    private final ByteBuffer[] frame = {header, null};
    /**
     * Frames of senders that found the write lock held. Whoever holds the lock writes them together with
     * its own frame in one gathering write; their senders still wait for the lock and return (or throw)
     * only once their frame was written (or failed), so a send still returns after its bytes reached the
     * socket, frames are never torn, and each sender's frames keep their order.
     */
    private final ConcurrentLinkedQueue<Pending> pending = new ConcurrentLinkedQueue<>();
    /** Scratch arrays of {@link #writeBatch}, guarded by {@link #writeLock}. */
    private final ByteBuffer[] batch = new ByteBuffer[2 + 2 * BATCH_FRAMES];
    private final Pending[] batchNodes = new Pending[BATCH_FRAMES];

    /** Frames up to this size are handed to the current writer; larger ones wait for the lock. */
    static final int HANDOFF_MAX_BYTES = 64 * 1024;
    /** At most this many queued frames go into one gathering write (with the writer's own). */
    static final int BATCH_FRAMES = 255;

    /** A queued frame; the int is its state. */
    @SuppressWarnings("serial")
    private static final class Pending extends java.util.concurrent.atomic.AtomicInteger {
        static final int QUEUED = 0, TAKEN = 1, CANCELLED = 2;
        final ByteBuffer header;
        final ByteBuffer body;
        /** Set (before the writer releases the lock) when the write of this frame failed. */
        RuntimeException failure;

        Pending(int n, ByteBuffer body) {
            this.header = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(0, n);
            this.body = body;
        }
    }
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile TransportClosed broken;

    FrameChannelImpl(SocketChannel socket, Address local, Address remote, int maxFrameSize) throws IOException {
        this.socket = socket;
        this.local = local;
        this.remote = remote;
        this.maxFrameSize = maxFrameSize;
        socket.configureBlocking(false);
        this.inbox = new Inbox(toString());
        this.writeSelector = Selector.open();
        socket.register(writeSelector, SelectionKey.OP_WRITE);
        this.reader = new FrameReader(socket, inbox, this, maxFrameSize);
        this.readerThread = Thread.ofPlatform().daemon().name("tractor-frame-reader " + local + " <- " + remote).unstarted(reader);
    }

    FrameChannelImpl start() {
        readerThread.start();
        return this;
    }

    @Override public Address localAddress() { return local; }
    @Override public Address remoteAddress() { return remote; }
    @Override public int maxFrameSize() { return maxFrameSize; }
    @Override public boolean isOpen() { return !closed.get() && broken == null && !inbox.isBroken(); }

    boolean closedByUs() {
        return closed.get();
    }

    @Override
    public void send(ByteBuffer body) throws InterruptedIOException {
        int n = body.remaining();
        if (n > maxFrameSize) {
            throw new IllegalArgumentException("frame of " + n + " bytes to " + remote + " exceeds the maximum frame size of " + maxFrameSize + " bytes");
        }
        if (writeLock.tryLock()) {
            writeOwnAndPending(n, body);
            return;
        }
        if (n > HANDOFF_MAX_BYTES) {
            lockForWrite();
            writeOwnAndPending(n, body);
            return;
        }
        // the lock is held: queue the frame so that the holder writes it together with its own
        Pending p = new Pending(n, body);
        pending.add(p);
        try {
            writeLock.lockInterruptibly();
        } catch (InterruptedException e) {
            if (p.compareAndSet(Pending.QUEUED, Pending.CANCELLED)) {
                throw (InterruptedIOException) new InterruptedIOException("send on " + this + " interrupted before writing").initCause(e);
            }
            // a writer took the frame and is writing it: like a send interrupted mid-frame, finish first
            writeLock.lock();
            Thread.currentThread().interrupt();
        }
        try {
            if (p.compareAndSet(Pending.QUEUED, Pending.TAKEN)) {
                // nobody took it (queued after the last holder looked): write it, and whatever else waits
                try {
                    ensureWritable();
                    writeBatch(p.header, p.body);
                } catch (RuntimeException ex) {
                    p.failure = ex;
                }
            }
            RuntimeException f = p.failure;
            if (f != null) throw rethrow(f);
        } finally {
            writeLock.unlock();
        }
    }

    /** With the write lock held (released here): this sender's frame plus the frames queued meanwhile. */
    private void writeOwnAndPending(int n, ByteBuffer body) {
        try {
            ensureWritable();
            header.clear().putInt(0, n);
            if (pending.isEmpty()) {
                frame[1] = body;
                writeFully(frame, 2);
            } else {
                writeBatch(header, body);
            }
        } finally {
            frame[1] = null;
            writeLock.unlock();
        }
    }

    /**
     * With the write lock held: one gathering write of the frame {@code (h, b)} followed by the frames
     * other senders queued (up to {@link #BATCH_FRAMES}). Each taken frame learns its outcome; a
     * failure is also thrown to the caller, whose frame was part of the write.
     */
    private void writeBatch(ByteBuffer h, ByteBuffer b) {
        ByteBuffer[] bufs = batch;
        Pending[] taken = batchNodes;
        int nb = 0, nt = 0;
        bufs[nb++] = h;
        bufs[nb++] = b;
        Pending q;
        while (nt < taken.length && (q = pending.poll()) != null) {
            if (!q.compareAndSet(Pending.QUEUED, Pending.TAKEN)) continue; // cancelled, or its sender took it back
            taken[nt++] = q;
            bufs[nb++] = q.header;
            bufs[nb++] = q.body;
        }
        try {
            writeFully(bufs, nb);
        } catch (RuntimeException e) {
            for (int i = 0; i < nt; i++) taken[i].failure = e;
            throw e;
        } finally {
            Arrays.fill(bufs, 0, nb, null);
            Arrays.fill(taken, 0, nt, null);
        }
    }

    private static RuntimeException rethrow(RuntimeException f) {
        if (f instanceof TransportClosed t) return new TransportClosed(t.getMessage(), t.getCause());
        if (f instanceof ClosedResourceException c) return (ClosedResourceException) new ClosedResourceException(c.getMessage()).initCause(c);
        return f;
    }

    @Override
    public void shutdownOutput() throws InterruptedIOException {
        lockForWrite();
        try {
            ensureWritable();
            socket.shutdownOutput();
        } catch (IOException e) {
            throw brokenBy("shutting down output", e);
        } finally {
            writeLock.unlock();
        }
    }

    @Override
    public byte[] receive() throws InterruptedIOException {
        return inbox.take(-1).orElseThrow();
    }

    @Override
    public Optional<byte[]> receive(Duration timeout) throws InterruptedIOException {
        return inbox.take(Math.max(0, timeout.toNanos()));
    }

    private void lockForWrite() throws InterruptedIOException {
        try {
            writeLock.lockInterruptibly();
        } catch (InterruptedException e) {
            throw (InterruptedIOException) new InterruptedIOException("send on " + this + " interrupted before writing").initCause(e);
        }
    }

    private void ensureWritable() {
        if (closed.get()) throw new ClosedResourceException(this + " is closed");
        TransportClosed b = broken;
        if (b != null) throw new TransportClosed(b.getMessage(), b.getCause());
    }

    /** Writes every byte of the first {@code count} buffers; an interrupt meanwhile only wakes the selector and is restored at the end. */
    private void writeFully(ByteBuffer[] bufs, int count) {
        boolean interrupted = false;
        int first = 0;
        try {
            while (true) {
                socket.write(bufs, first, count - first);
                while (first < count && !bufs[first].hasRemaining()) first++;
                if (first == count) break;
                interrupted |= Thread.interrupted();
                writeSelector.select();
                writeSelector.selectedKeys().clear();
                if (closed.get()) throw new ClosedResourceException(this + " was closed during a send");
            }
        } catch (IOException | ClosedSelectorException e) {
            if (closed.get()) throw (ClosedResourceException) new ClosedResourceException(this + " was closed during a send").initCause(e);
            throw brokenBy("sending", e instanceof IOException io ? io : new IOException(e));
        } finally {
            if (interrupted || Thread.interrupted()) Thread.currentThread().interrupt();
        }
    }

    private TransportClosed brokenBy(String doing, IOException e) {
        broken(new TransportClosed("connection to " + remote + " broke while " + doing + ": " + e, e));
        return new TransportClosed(broken.getMessage(), e);
    }

    /** The peer or the network broke the connection: remember why, release the socket. */
    void broken(TransportClosed e) {
        if (broken == null) broken = e;
        inbox.fail(e);
        release();
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            inbox.close();
            release();
        }
    }

    private void release() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing is best effort; the descriptor is gone either way
        }
        reader.wakeup();
        writeSelector.wakeup();
        try {
            writeSelector.close();
        } catch (IOException ignored) {
            // as above
        }
    }

    @Override
    public String toString() {
        return "FrameChannel[" + local + " <-> " + remote + (closed.get() ? ", closed" : broken != null ? ", broken" : "") + "]";
    }
}
