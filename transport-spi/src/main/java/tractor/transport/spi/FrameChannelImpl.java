package tractor.transport.spi;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import tractor.TransportClosed;
import tractor.sc.ClosedResourceException;

/**
 * The {@link FrameChannel} over a non-blocking {@link SocketChannel}: a {@link ChannelReader} on one of the
 * JVM's shared {@link ReadLoop}s feeding an {@link Inbox} (or a {@link FrameSink} in push mode), and a
 * {@link FrameWriter} that writes sparse sends on the caller's thread and coalesces streaming ones (see the
 * I/O ownership notes of {@link FrameChannel}). With a shared secret, the challenge runs first on a virtual
 * thread of its own; the channel joins the read loop when it passed.
 */
final class FrameChannelImpl implements FrameChannel {
    /** How long a close waits for queued frames to reach the socket. */
    static final Duration CLOSE_FLUSH = Duration.ofSeconds(1);
    /** How long a half-close waits for queued frames to reach the socket. */
    static final Duration SHUTDOWN_FLUSH = Duration.ofSeconds(10);

    private final SocketChannel socket;
    private final Address local;
    private final Address remote;
    private final int maxFrameSize;
    private final Inbox inbox;
    private final ChannelReader reader;
    private final FrameWriter writer;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile TransportClosed broken;
    /** The shared-secret challenge that runs before any frame is read, or null; sends wait for its end. */
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
        this.inbox = new Inbox(toString(), this::resumeReading, this::broken);
        this.writer = new FrameWriter(socket, new FrameWriter.Owner() {
            @Override public void ensureWritable() { FrameChannelImpl.this.ensureWritable(); }
            @Override public boolean closed() { return closed.get(); }
            @Override public boolean ended() { return closed.get() || broken != null; }
            @Override public TransportClosed brokenBy(String doing, IOException e) { return FrameChannelImpl.this.brokenBy(doing, e); }
        }, local + " -> " + remote);
        this.reader = new ChannelReader(socket, this, inbox, maxFrameSize, ReadLoop.next());
        this.auth = auth;
    }

    private void resumeReading() {
        reader.resume();
    }

    /** Starts reading; with a shared secret, only once the challenge (on a virtual thread) passed. */
    FrameChannelImpl start() {
        if (auth == null) {
            reader.start();
        } else {
            Thread.ofVirtual().name("tractor-peer-auth " + local + " <-> " + remote).start(() -> {
                if (auth.run(this::broken)) reader.start();
            });
        }
        return this;
    }

    @Override public Address localAddress() { return local; }
    @Override public Address remoteAddress() { return remote; }
    @Override public int maxFrameSize() { return maxFrameSize; }
    @Override public boolean isOpen() { return !closed.get() && broken == null && !inbox.isBroken(); }

    /** The writer's {@code [frames queued, batches written]}. */
    long[] writeStats() {
        return writer.stats();
    }

    /** Waits at most {@code bound} until every queued frame reached the socket (for tests). */
    boolean flushForTest(Duration bound) throws IOException {
        return writer.flush(bound, false);
    }

    /** The write-behind queue's capacity now (for tests). */
    int writeQueueCapacity() {
        return writer.queueCapacity();
    }

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
        writer.send(body);
    }

    @Override
    public void shutdownOutput() throws InterruptedIOException {
        if (auth != null) auth.await();
        ensureWritable();
        boolean done;
        try {
            done = writer.flush(SHUTDOWN_FLUSH, true, socket::shutdownOutput);
        } catch (InterruptedIOException e) {
            throw e;
        } catch (IOException e) {
            throw brokenBy("shutting down output", e);
        }
        if (!done) {
            ensureWritable();
            throw new TransportClosed("cannot half-close " + this + ": the frames queued before did not reach the socket within " + SHUTDOWN_FLUSH);
        }
    }

    @Override
    public void deliverTo(FrameSink sink) {
        inbox.switchToPush(java.util.Objects.requireNonNull(sink, "sink"));
    }

    @Override
    public byte[] receive() throws InterruptedIOException {
        return inbox.take(-1).orElseThrow();
    }

    @Override
    public Optional<byte[]> receive(Duration timeout) throws InterruptedIOException {
        return inbox.take(Math.max(0, timeout.toNanos()));
    }

    private void ensureWritable() {
        if (closed.get()) throw new ClosedResourceException(this + " is closed");
        TransportClosed b = broken;
        if (b != null) throw AuthenticationFailed.copyOf(b);
    }

    /** The first failure stands: a send failing because the reader already closed the socket reports the reader's cause. */
    private TransportClosed brokenBy(String doing, IOException e) {
        broken(new TransportClosed("connection to " + remote + " broke while " + doing + ": " + e, e));
        return AuthenticationFailed.copyOf(broken);
    }

    /** The peer or the network broke the connection: remember why (the first cause stands), release the socket. */
    void broken(TransportClosed e) {
        synchronized (this) {
            if (broken == null) broken = e;
        }
        inbox.fail(broken);
        release(broken);
    }

    /** Why the connection broke (the first cause), or null. */
    TransportClosed failure() {
        return broken;
    }

    /**
     * Closes after the frames already queued reached the socket (at most {@link #CLOSE_FLUSH}; never
     * throws): a frame a send accepted is not lost to a close that follows it.
     */
    @Override
    public void close() {
        if (closed.get()) return;
        try {
            writer.flush(CLOSE_FLUSH, false);
        } catch (RuntimeException | IOException e) {
            // broken meanwhile: nothing more can be written
        }
        if (closed.compareAndSet(false, true)) {
            inbox.close();
            release(null);
        }
    }

    /** Closes the socket and ends reading, writing and a running challenge; {@code why} is null after a close. */
    private void release(TransportClosed why) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing is best effort; the descriptor is gone either way
        }
        reader.stop(why);
        if (auth != null) auth.wakeup();
        writer.wakeUp();
        writer.release();
    }

    @Override
    public String toString() {
        return "FrameChannel[" + local + " <-> " + remote + (closed.get() ? ", closed" : broken != null ? ", broken" : "") + "]";
    }
}
