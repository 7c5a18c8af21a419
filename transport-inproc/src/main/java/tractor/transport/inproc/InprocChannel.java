package tractor.transport.inproc;

import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import tractor.sc.ClosedResourceException;
import tractor.transport.spi.Address;
import tractor.transport.spi.FrameChannel;
import tractor.transport.spi.FrameSink;

/**
 * One end of an in-process connection: it sends into one {@link Pipe} and receives from the other. No
 * socket, no reader thread: a send copies the body and queues it for the peer, or, when the peer is in
 * push mode, hands it to the peer's sink on the sending thread.
 */
final class InprocChannel implements FrameChannel {
    private final Pipe in;
    private final Pipe out;
    private final Address local;
    private final Address remote;
    private final int maxFrameSize;
    private volatile boolean closed;

    private InprocChannel(Pipe in, Pipe out, Address local, Address remote, int maxFrameSize) {
        this.in = in;
        this.out = out;
        this.local = local;
        this.remote = remote;
        this.maxFrameSize = maxFrameSize;
    }

    /** Both ends of a new connection. */
    record Pair(InprocChannel client, InprocChannel server) {}

    /**
     * A connected pair: the client end at {@code client} with limit {@code clientMax}, the server end at
     * {@code server} with limit {@code serverMax}, {@code budget} bytes queued per direction.
     */
    static Pair connect(InprocAddress client, int clientMax, InprocAddress server, int serverMax, long budget) {
        Pipe[] p = Pipe.pair(client + " -> " + server, serverMax, server + " -> " + client, clientMax, budget);
        return new Pair(new InprocChannel(p[1], p[0], client, server, clientMax), new InprocChannel(p[0], p[1], server, client, serverMax));
    }

    @Override
    public Address localAddress() {
        return local;
    }

    @Override
    public Address remoteAddress() {
        return remote;
    }

    @Override
    public int maxFrameSize() {
        return maxFrameSize;
    }

    @Override
    public void send(byte[] body) throws InterruptedIOException {
        checkSize(body.length);
        out.put(body.clone());
    }

    @Override
    public void send(ByteBuffer body) throws InterruptedIOException {
        int n = checkSize(body.remaining());
        byte[] copy = new byte[n];
        body.get(body.position(), copy);
        out.put(copy);
        body.position(body.position() + n);
    }

    private int checkSize(int n) {
        ensureOpen();
        if (n > maxFrameSize) {
            throw new IllegalArgumentException("frame body of " + n + " bytes exceeds maxFrameSize " + maxFrameSize + " of " + this + "; nothing sent");
        }
        return n;
    }

    @Override
    public byte[] receive() throws InterruptedIOException {
        ensureOpen();
        return in.take(-1);
    }

    @Override
    public Optional<byte[]> receive(Duration timeout) throws InterruptedIOException {
        ensureOpen();
        return Optional.ofNullable(in.take(nanos(timeout)));
    }

    private static long nanos(Duration timeout) {
        if (timeout.isNegative()) return 0;
        try {
            return timeout.toNanos();
        } catch (ArithmeticException tooLong) {
            return Long.MAX_VALUE;
        }
    }

    @Override
    public void deliverTo(FrameSink sink) {
        Objects.requireNonNull(sink, "sink");
        ensureOpen();
        in.deliverTo(sink);
    }

    @Override
    public void shutdownOutput() {
        ensureOpen();
        out.checkBroken();
        out.endWriting("output of " + this + " was shut down");
    }

    @Override
    public boolean isOpen() {
        return !closed && out.accepting();
    }

    /** Idempotent: the peer sees the end after the frames already sent; local waiters and a sink end. */
    @Override
    public void close() {
        if (closed) return;
        closed = true;
        in.closeReader(this + " was closed by this side");
        out.endWriting(this + " was closed by this side");
    }

    private void ensureOpen() {
        if (closed) throw new ClosedResourceException(this + " was closed by this side");
    }

    @Override
    public String toString() {
        return "InprocChannel[" + local + " -> " + remote + (closed ? ", closed" : "") + "]";
    }
}
