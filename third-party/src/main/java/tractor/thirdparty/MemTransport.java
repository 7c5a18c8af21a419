package tractor.thirdparty;

import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import tractor.TransportClosed;
import tractor.sc.ClosedResourceException;
import tractor.transport.spi.Address;
import tractor.transport.spi.FrameChannel;
import tractor.transport.spi.Listener;
import tractor.transport.spi.TransportException;
import tractor.transport.spi.TransportOptions;
import tractor.transport.spi.TransportProvider;

/**
 * The {@code mem} transport: listeners in a table of this JVM, frames handed over through queues. Only actors
 * of one JVM can use it (the {@code thread} spawn backend); addresses look like {@code mem://registry}.
 *
 * {@snippet :
 * Tractor.openNursery(RootOptions.of().transport("mem").spawnBackend("thread").registryAddress("mem://registry"), an -> {
 *     an.runInActor("w", Work::run).result();
 * });
 * }
 */
public final class MemTransport implements TransportProvider {
    static final Map<String, MemListener> LISTENERS = new ConcurrentHashMap<>();
    private static final AtomicLong NEXT = new AtomicLong();

    /** Used by {@link java.util.ServiceLoader}. */
    public MemTransport() {}

    /** An address of the {@code mem} transport: a name in this JVM's table of listeners. */
    public record MemAddress(String name) implements Address {
        @Override
        public String transport() {
            return "mem";
        }

        @Override
        public String toString() {
            return "mem://" + name;
        }
    }

    @Override
    public String name() {
        return "mem";
    }

    @Override
    public Address parseAddress(String text) {
        if (!text.startsWith("mem://") || text.length() == "mem://".length()) {
            throw new IllegalArgumentException("\"" + text + "\" is not a mem address (expected like \"mem://registry\")");
        }
        return new MemAddress(text.substring("mem://".length()));
    }

    @Override
    public Address anyAddress(String name, TransportOptions options) {
        return new MemAddress(name + "-" + NEXT.incrementAndGet());
    }

    @Override
    public Listener listen(Address address, TransportOptions options) {
        MemAddress a = own(address);
        MemListener l = new MemListener(a);
        if (LISTENERS.putIfAbsent(a.name(), l) != null) throw new TransportException("address " + a + " is already in use");
        return l;
    }

    @Override
    public FrameChannel connect(Address address, TransportOptions options) throws InterruptedIOException {
        MemAddress a = own(address);
        MemListener l = LISTENERS.get(a.name());
        if (l == null) throw new TransportClosed("nobody listens at " + a);
        MemChannel client = new MemChannel(new MemAddress(a.name() + "/client-" + NEXT.incrementAndGet()), a, options.maxFrameSize());
        MemChannel server = new MemChannel(a, client.local, options.maxFrameSize());
        client.peer = server;
        server.peer = client;
        if (!l.offer(server)) throw new TransportClosed("nobody listens at " + a + " (listener closed)");
        return client;
    }

    private static MemAddress own(Address a) {
        if (a instanceof MemAddress m) return m;
        throw new IllegalArgumentException("address " + a + " belongs to transport \"" + a.transport() + "\", not \"mem\"");
    }

    /** A listener: a queue of server ends of new connections. */
    static final class MemListener implements Listener {
        private static final Object CLOSED = new Object();
        private final MemAddress address;
        private final LinkedBlockingQueue<Object> pending = new LinkedBlockingQueue<>();
        private volatile boolean closed;

        MemListener(MemAddress address) {
            this.address = address;
        }

        boolean offer(MemChannel ch) {
            return !closed && pending.offer(ch);
        }

        @Override
        public Address boundAddress() {
            return address;
        }

        @Override
        public Optional<FrameChannel> accept(Duration timeout) throws InterruptedIOException {
            if (closed) throw new ClosedResourceException("listener " + address + " is closed");
            try {
                Object o = pending.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
                if (o == CLOSED || closed) {
                    pending.offer(CLOSED);
                    throw new ClosedResourceException("listener " + address + " is closed");
                }
                return Optional.ofNullable((FrameChannel) o);
            } catch (InterruptedException e) {
                throw new InterruptedIOException("accept on " + address + " interrupted");
            }
        }

        @Override
        public void close() {
            if (closed) return;
            closed = true;
            LISTENERS.remove(address.name(), this);
            pending.offer(CLOSED);
        }

        @Override
        public String toString() {
            return "mem listener " + address + (closed ? " (closed)" : "");
        }
    }
}
