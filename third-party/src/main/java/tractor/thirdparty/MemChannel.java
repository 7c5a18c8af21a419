package tractor.thirdparty;

import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import tractor.TransportClosed;
import tractor.sc.BusyResourceException;
import tractor.sc.ClosedResourceException;
import tractor.transport.spi.Address;
import tractor.transport.spi.FrameChannel;

/** One end of a {@code mem} connection: frames are copied into the peer's inbox; end markers close it. */
final class MemChannel implements FrameChannel {
    private static final Object EOF = new Object();
    private static final Object CLOSED = new Object();

    final Address local;
    private final Address remote;
    private final int maxFrameSize;
    private final LinkedBlockingQueue<Object> inbox = new LinkedBlockingQueue<>();
    private final AtomicBoolean receiving = new AtomicBoolean();
    private volatile boolean closed;
    private volatile boolean outputShut;
    volatile MemChannel peer;

    MemChannel(Address local, Address remote, int maxFrameSize) {
        this.local = local;
        this.remote = remote;
        this.maxFrameSize = maxFrameSize;
    }

    @Override public Address localAddress() { return local; }
    @Override public Address remoteAddress() { return remote; }
    @Override public int maxFrameSize() { return maxFrameSize; }

    @Override
    public void send(ByteBuffer body) {
        if (body.remaining() > maxFrameSize) {
            throw new IllegalArgumentException("frame of " + body.remaining() + " bytes exceeds the maximum of " + maxFrameSize);
        }
        if (closed) throw new ClosedResourceException("mem channel " + local + " is closed");
        if (outputShut || peer.closed) throw new TransportClosed("mem channel to " + remote + " is closed");
        byte[] copy = new byte[body.remaining()];
        body.get(copy);
        peer.inbox.add(copy);
    }

    @Override
    public byte[] receive() throws InterruptedIOException {
        return take(-1).orElseThrow();
    }

    @Override
    public Optional<byte[]> receive(Duration timeout) throws InterruptedIOException {
        return take(timeout.toNanos());
    }

    private Optional<byte[]> take(long nanos) throws InterruptedIOException {
        if (closed) throw new ClosedResourceException("mem channel " + local + " is closed");
        if (!receiving.compareAndSet(false, true)) throw new BusyResourceException("another task is receiving on " + local);
        try {
            Object o = nanos < 0 ? inbox.take() : inbox.poll(nanos, TimeUnit.NANOSECONDS);
            if (o == null) return Optional.empty();
            if (o == EOF || o == CLOSED) {
                inbox.add(o); // every later receive ends the same way
                if (o == CLOSED || closed) throw new ClosedResourceException("mem channel " + local + " is closed");
                throw new TransportClosed("peer closed the connection (" + remote + ")");
            }
            return Optional.of((byte[]) o);
        } catch (InterruptedException e) {
            throw new InterruptedIOException("receive on " + local + " interrupted");
        } finally {
            receiving.set(false);
        }
    }

    @Override
    public void shutdownOutput() {
        if (closed) throw new ClosedResourceException("mem channel " + local + " is closed");
        if (!outputShut) {
            outputShut = true;
            peer.inbox.add(EOF);
        }
    }

    @Override
    public boolean isOpen() {
        return !closed;
    }

    @Override
    public void close() {
        if (closed) return;
        closed = true;
        inbox.add(CLOSED);
        if (!outputShut) {
            outputShut = true;
            peer.inbox.add(EOF);
        }
    }

    @Override
    public String toString() {
        return "mem channel " + local + " -> " + remote + (closed ? " (closed)" : "");
    }
}
