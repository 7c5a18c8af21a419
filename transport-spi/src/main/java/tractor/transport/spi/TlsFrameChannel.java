package tractor.transport.spi;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import javax.net.ssl.SSLSocket;
import tractor.TransportClosed;
import tractor.sc.ClosedResourceException;

/**
 * The {@link FrameChannel} over TLS ({@link TlsContexts}): an {@link SSLSocket} layered on the connected
 * socket, used only by two platform threads the channel owns and nobody interrupts, so that, as for
 * {@link FrameChannelImpl}, a cancelled caller can never close it. The reader runs the TLS handshake first
 * (bounded by the handshake timeout, which the writer watches: a peer that stalls it is closed; a plaintext
 * client fails it), then reads frames into an {@link Inbox}. A send hands its frame to the writer thread
 * and waits until it is written.
 */
final class TlsFrameChannel implements FrameChannel {
    private static final ByteBuffer SHUTDOWN = ByteBuffer.allocate(0);

    private final SocketChannel socket;
    private final SSLSocket ssl;
    private final Address local, remote;
    private final int maxFrameSize;
    private final boolean accepted;
    private final Duration handshakeTimeout;
    private final Runnable afterAuth;
    private final Inbox inbox;
    private final Thread reader, writer;
    private final BlockingQueue<Job> jobs = new ArrayBlockingQueue<>(1);
    private final ReentrantLock writeLock = new ReentrantLock();
    private final CompletableFuture<Void> handshook = new CompletableFuture<>();
    private final CompletableFuture<Void> writerGone = new CompletableFuture<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile boolean timedOut;
    private volatile TransportClosed broken;

    private record Job(ByteBuffer body, CompletableFuture<Void> done) {}

    TlsFrameChannel(SocketChannel socket, Address local, Address remote, TransportOptions options, boolean accepted,
                    Runnable afterAuth) throws IOException {
        this.socket = socket;
        this.local = local;
        this.remote = remote;
        this.maxFrameSize = options.maxFrameSize();
        this.accepted = accepted;
        this.handshakeTimeout = options.security().handshakeTimeout();
        this.afterAuth = afterAuth;
        socket.configureBlocking(true);
        var factory = TlsContexts.of(options.security().settings()).getSocketFactory();
        this.ssl = accepted ? (SSLSocket) factory.createSocket(socket.socket(), null, true)
                : (SSLSocket) factory.createSocket(socket.socket(), remote.toString(), 0, true);
        ssl.setUseClientMode(!accepted);
        if (accepted) ssl.setNeedClientAuth(TlsContexts.clientAuth(options.security().settings()));
        this.inbox = new Inbox(toString(), () -> {}, this::broken);
        this.reader = Thread.ofPlatform().daemon().name("tractor-tls-reader " + local + " <- " + remote).unstarted(this::read);
        this.writer = Thread.ofPlatform().daemon().name("tractor-tls-writer " + local + " -> " + remote).unstarted(this::write);
    }

    TlsFrameChannel start() {
        reader.start();
        writer.start();
        return this;
    }

    @Override public Address localAddress() { return local; }
    @Override public Address remoteAddress() { return remote; }
    @Override public int maxFrameSize() { return maxFrameSize; }
    @Override public boolean isOpen() { return !closed.get() && broken == null && !inbox.isBroken(); }

    /** The reader thread: the handshake, then frames into the inbox (or its sink) until the stream ends. */
    private void read() {
        TransportClosed clean = null, failure = null;
        try {
            if (handshake()) clean = readFrames();
        } catch (EOFException e) {
            failure = new TransportClosed("peer " + remote + " closed the connection in the middle of a frame", e);
        } catch (TransportClosed e) {
            failure = e;
        } catch (IOException | RuntimeException e) {
            if (!closed.get()) failure = new TransportClosed("connection to " + remote + " broke: " + e, e);
        } catch (InterruptedException e) {
            // only close() and a break interrupt us
        } finally {
            if (failure != null) broken(failure);
            inbox.end(closed.get() ? null : clean != null ? clean : broken);
        }
    }

    /** Reads frames until a clean end of stream (returned) or the inbox is closed (null). */
    private TransportClosed readFrames() throws IOException, InterruptedException {
        DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(ssl.getInputStream(), 64 * 1024));
        while (true) {
            int b0 = in.read();
            if (b0 < 0) return closed.get() ? null : new TransportClosed("peer closed the connection (" + remote + ")");
            long len = (b0 | in.readUnsignedByte() << 8 | in.readUnsignedByte() << 16 | (long) in.readUnsignedByte() << 24);
            if (len > maxFrameSize) {
                throw new TransportClosed("peer " + remote + " sent a frame of " + len + " bytes, over the maximum frame size of "
                        + maxFrameSize + " bytes", new IOException("frame too large"));
            }
            byte[] body = new byte[(int) len];
            in.readFully(body);
            if (!inbox.put(body)) return null;
        }
    }

    /** The TLS handshake, on the reader thread; false (the channel broken) when it failed. */
    private boolean handshake() {
        AuthenticationFailed failed = null;
        try {
            ssl.startHandshake();
        } catch (IOException | RuntimeException e) {
            failed = new AuthenticationFailed("TLS handshake with " + remote + " failed: "
                    + (timedOut ? "not done within the handshake timeout of " + handshakeTimeout : e.toString()), e);
            if (accepted && !closed.get()) PeerAuth.LOG.log(System.Logger.Level.WARNING, "AuthenticationFailed: refused " + remote + " on " + local + ": " + failed.getMessage());
        } finally {
            afterAuth.run();
            if (failed != null) broken(failed);
            handshook.complete(null);
        }
        return failed == null;
    }

    /** The writer thread: first the handshake's watchdog (it closes a socket whose handshake overran), then writes. */
    private void write() {
        try {
            try {
                handshook.get(handshakeTimeout.toNanos(), TimeUnit.NANOSECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                timedOut = true;
                SocketFrameChannels.closeQuietly(socket);
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException(e); // never completed exceptionally
            }
            OutputStream out = ssl.getOutputStream();
            while (true) {
                Job j = jobs.take();
                try {
                    if (j.body() == SHUTDOWN) ssl.shutdownOutput();
                    else writeFrame(out, j.body());
                    j.done().complete(null);
                } catch (IOException | RuntimeException e) {
                    j.done().completeExceptionally(e);
                }
            }
        } catch (IOException | InterruptedException e) {
            // closed
        } finally {
            writerGone.complete(null);
            for (Job j; (j = jobs.poll()) != null; ) j.done().completeExceptionally(new java.nio.channels.ClosedChannelException());
        }
    }

    private static void writeFrame(OutputStream out, ByteBuffer body) throws IOException {
        int n = body.remaining();
        byte[] frame = new byte[4 + n];
        frame[0] = (byte) n;
        frame[1] = (byte) (n >>> 8);
        frame[2] = (byte) (n >>> 16);
        frame[3] = (byte) (n >>> 24);
        body.get(frame, 4, n);
        out.write(frame);
        out.flush();
    }

    @Override
    public void send(ByteBuffer body) throws InterruptedIOException {
        if (body.remaining() > maxFrameSize) {
            throw new IllegalArgumentException("frame of " + body.remaining() + " bytes to " + remote + " exceeds the maximum frame size of "
                    + maxFrameSize + " bytes");
        }
        submit(body, "sending");
    }

    @Override
    public void shutdownOutput() throws InterruptedIOException {
        submit(SHUTDOWN, "shutting down output");
    }

    /** Hands one job to the writer and waits for it; an interrupt only before it was handed over. */
    private void submit(ByteBuffer body, String doing) throws InterruptedIOException {
        try {
            handshook.get();
            writeLock.lockInterruptibly();
        } catch (InterruptedException e) {
            throw (InterruptedIOException) new InterruptedIOException(doing + " on " + this + " interrupted before writing").initCause(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e); // never completed exceptionally
        }
        boolean interrupted = false;
        try {
            ensureWritable();
            Job j = new Job(body, new CompletableFuture<>());
            jobs.add(j);
            while (true) {
                try {
                    CompletableFuture.anyOf(j.done(), writerGone).get();
                    if (!j.done().isDone()) j.done().completeExceptionally(new java.nio.channels.ClosedChannelException());
                    j.done().get();
                    return;
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (java.util.concurrent.ExecutionException e) {
                    if (closed.get()) throw (ClosedResourceException) new ClosedResourceException(this + " was closed during a send").initCause(e.getCause());
                    TransportClosed b = new TransportClosed("connection to " + remote + " broke while " + doing + ": " + e.getCause(), e.getCause());
                    broken(b);
                    throw new TransportClosed(b.getMessage(), e.getCause());
                }
            }
        } finally {
            writeLock.unlock();
            if (interrupted) Thread.currentThread().interrupt();
        }
    }

    private void ensureWritable() {
        if (closed.get()) throw new ClosedResourceException(this + " is closed");
        TransportClosed b = broken;
        if (b != null) throw AuthenticationFailed.copyOf(b);
    }

    /** Frames go to {@code sink} from the reader thread (see {@link FrameChannel#deliverTo}). */
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

    private void broken(TransportClosed e) {
        synchronized (this) {
            if (broken == null) broken = e;
        }
        inbox.fail(broken);
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
        SocketFrameChannels.closeQuietly(socket);
        writer.interrupt(); // our own thread: ends it whether it waits for a job or in a write
        reader.interrupt();
    }

    @Override
    public String toString() {
        return "TlsFrameChannel[" + local + " <-> " + remote + (closed.get() ? ", closed" : broken != null ? ", broken" : "") + "]";
    }
}
