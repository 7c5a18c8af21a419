package tractor.thirdparty;

import java.io.InterruptedIOException;
import tractor.transport.spi.Address;
import tractor.transport.spi.FrameChannel;
import tractor.transport.spi.Listener;
import tractor.transport.spi.TransportOptions;
import tractor.transport.spi.TransportProvider;

/** A transport provider that forwards to another. */
abstract class Delegating implements TransportProvider {
    private final TransportProvider d;

    Delegating(TransportProvider d) {
        this.d = d;
    }

    @Override public String name() { return d.name(); }
    @Override public Address parseAddress(String text) { return d.parseAddress(text); }
    @Override public Address anyAddress(String name, TransportOptions o) { return d.anyAddress(name, o); }
    @Override public Listener listen(Address a, TransportOptions o) { return d.listen(a, o); }
    @Override public FrameChannel connect(Address a, TransportOptions o) throws InterruptedIOException { return d.connect(a, o); }
}
