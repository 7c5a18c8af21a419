package tractor.transport.inproc;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import tractor.TransportClosed;
import tractor.transport.spi.Address;
import tractor.transport.spi.FrameChannel;
import tractor.transport.spi.Listener;
import tractor.transport.spi.TransportException;
import tractor.transport.spi.TransportOptions;
import tractor.transport.spi.TransportProvider;

/**
 * The {@code inproc} transport: connections between listeners and callers of the same JVM, frames
 * handed over through memory (no socket, no descriptor, no thread). The listener table is a static of
 * this class, so it is shared by everything that sees the same copy of this module (one per class
 * loader). Security settings of the options are not applied: see the package documentation.
 */
public final class InprocTransport implements TransportProvider {
    private static final ConcurrentMap<String, InprocListener> LISTENERS = new ConcurrentHashMap<>();
    private static final AtomicLong SEQ = new AtomicLong();

    /** Used by {@link java.util.ServiceLoader}. */
    public InprocTransport() {}

    @Override
    public String name() {
        return "inproc";
    }

    @Override
    public InprocAddress parseAddress(String text) {
        return InprocAddress.parse(text);
    }

    /** A fresh name, {@code <name>@<n>}, unique in this table; whitespace and control characters become {@code _}. */
    @Override
    public InprocAddress anyAddress(String name, TransportOptions options) {
        String label = name == null || name.isEmpty() ? "actor" : name.replaceAll("[\\s\\p{Cntrl}]", "_");
        return new InprocAddress(label + "@" + SEQ.incrementAndGet());
    }

    /**
     * Registers the name of {@code address} in this JVM's table.
     *
     * @throws TransportException if a listener of this JVM already holds the name
     */
    @Override
    public Listener listen(Address address, TransportOptions options) {
        InprocAddress a = inproc(address);
        InprocListener l = new InprocListener(a, options, LISTENERS);
        if (LISTENERS.putIfAbsent(a.name(), l) != null) {
            throw new TransportException("address in use: " + a + " (a listener of this JVM is bound to \"" + a.name() + "\")");
        }
        return l;
    }

    /**
     * Connects at once to the listener of this JVM bound to {@code address}.
     *
     * @throws TransportClosed if nobody listens there
     */
    @Override
    public FrameChannel connect(Address address, TransportOptions options) {
        InprocAddress a = inproc(address);
        InprocListener l = LISTENERS.get(a.name());
        if (l == null) throw new TransportClosed("nobody listens on " + a + " (no inproc listener of this JVM has that name)");
        return l.connect(options);
    }

    static InprocAddress inproc(Address address) {
        if (address instanceof InprocAddress a) return a;
        throw new IllegalArgumentException("address \"" + address + "\" is not an inproc address");
    }

    /** How many names are bound in this JVM's table. */
    static int listening() {
        return LISTENERS.size();
    }

    @Override
    public String toString() {
        return "InprocTransport[inproc, " + LISTENERS.size() + " listening]";
    }
}
