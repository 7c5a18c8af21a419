package tractor.transport.inproc;

import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import tractor.TransportClosed;
import tractor.sc.ClosedResourceException;
import tractor.transport.spi.FrameChannel;
import tractor.transport.spi.Listener;
import tractor.transport.spi.TransportOptions;

/**
 * A name in the listener table of this JVM; {@link InprocTransport#connect} queues the server end of a
 * new connection here for {@link #accept}. Closing frees the name and closes the connections nobody
 * accepted.
 */
final class InprocListener implements Listener {
    private final InprocAddress address;
    private final TransportOptions options;
    private final ConcurrentMap<String, InprocListener> table;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition arrived = lock.newCondition();
    private final ArrayDeque<InprocChannel> pending = new ArrayDeque<>();
    private long connections;
    private boolean closed;

    InprocListener(InprocAddress address, TransportOptions options, ConcurrentMap<String, InprocListener> table) {
        this.address = address;
        this.options = options;
        this.table = table;
    }

    @Override
    public InprocAddress boundAddress() {
        return address;
    }

    /** A new connection: its server end waits for {@link #accept}, its client end is returned. */
    InprocChannel connect(TransportOptions clientOptions) {
        lock.lock();
        try {
            if (closed) throw new TransportClosed("nobody listens on " + address + " (its listener closed)");
            InprocAddress client = new InprocAddress(address.name() + "/" + ++connections);
            InprocChannel.Pair p = InprocChannel.connect(client, clientOptions.maxFrameSize(), address, options.maxFrameSize(), Pipe.DEFAULT_BUDGET);
            pending.add(p.server());
            arrived.signalAll();
            return p.client();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public Optional<FrameChannel> accept(Duration timeout) throws InterruptedIOException {
        long nanos = timeout.isNegative() ? 0 : saturatedNanos(timeout);
        try {
            lock.lockInterruptibly();
        } catch (InterruptedException e) {
            throw interrupted(e);
        }
        try {
            while (true) {
                if (closed) throw new ClosedResourceException(this + " is closed");
                InprocChannel c = pending.poll();
                if (c != null) return Optional.of(c);
                if (nanos <= 0) return Optional.empty();
                nanos = arrived.awaitNanos(nanos);
            }
        } catch (InterruptedException e) {
            throw interrupted(e);
        } finally {
            lock.unlock();
        }
    }

    private InterruptedIOException interrupted(InterruptedException e) {
        return (InterruptedIOException) new InterruptedIOException("accept on " + this + " interrupted").initCause(e);
    }

    private static long saturatedNanos(Duration d) {
        try {
            return d.toNanos();
        } catch (ArithmeticException tooLong) {
            return Long.MAX_VALUE;
        }
    }

    @Override
    public void close() {
        List<InprocChannel> unaccepted;
        lock.lock();
        try {
            if (closed) return;
            closed = true;
            table.remove(address.name(), this);
            unaccepted = List.copyOf(pending);
            pending.clear();
            arrived.signalAll();
        } finally {
            lock.unlock();
        }
        unaccepted.forEach(InprocChannel::close);
    }

    @Override
    public String toString() {
        return "InprocListener[" + address + (closed ? ", closed" : "") + "]";
    }
}
