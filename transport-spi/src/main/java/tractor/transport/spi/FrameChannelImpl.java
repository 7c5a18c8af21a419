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
import java.util.Optional;
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
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile TransportClosed broken;
    /** The shared-secret challenge the reader runs first, or null; sends wait for its end. */
    private final PeerAuth auth;

    FrameChannelImpl(SocketChannel socket, Address local, Address remote, int maxFrameSize) throws IOException {
        this(socket, local, remote, maxFrameSize, null);
    }

    FrameChannelImpl(SocketChannel socket, Address local, Address remote, int maxFrameSize, PeerAuth auth) throws IOException {
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
        this.auth = auth;
    }

    /** Runs the challenge, if any, on the reader thread before it reads a frame; false when it failed (broken). */
    boolean authenticate() {
        return auth == null || auth.run(this::broken);
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
        if (auth != null) auth.await();
        lockForWrite();
        try {
            ensureWritable();
            header.clear().putInt(0, n);
            frame[1] = body;
            writeFully(frame);
        } finally {
            frame[1] = null;
            writeLock.unlock();
        }
    }

    @Override
    public void shutdownOutput() throws InterruptedIOException {
        if (auth != null) auth.await();
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
        if (b != null) throw AuthenticationFailed.copyOf(b);
    }

    /** Writes every byte; an interrupt meanwhile only wakes the selector and is restored at the end. */
    private void writeFully(ByteBuffer[] bufs) {
        boolean interrupted = false;
        try {
            while (true) {
                socket.write(bufs);
                if (!bufs[0].hasRemaining() && !bufs[1].hasRemaining()) break;
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
        if (auth != null) auth.wakeup();
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
