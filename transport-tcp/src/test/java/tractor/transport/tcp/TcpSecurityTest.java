package tractor.transport.tcp;

import static org.junit.jupiter.api.Assertions.*;

import java.net.SocketAddress;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import tractor.transport.spi.Address;
import tractor.transport.spi.FrameChannel;
import tractor.transport.spi.Listener;
import tractor.transport.spi.TransportException;
import tractor.transport.spi.TransportOptions;
import tractor.transport.spi.TransportProvider;
import tractor.transport.tck.SecurityTck;

/** The authentication TCK on TCP, plus its rule: no listener off loopback without a shared secret. */
class TcpSecurityTest extends SecurityTck {
    @Override protected TransportProvider provider() { return new TcpTransport(); }
    @Override protected SocketAddress socketAddress(Address a) { return ((TcpAddress) a).socketAddress(); }

    /** E.37: a non-loopback bind without a secret is a configuration error; with one it listens. */
    @Test
    void nonLoopbackBindNeedsASecret() throws Exception {
        TcpAddress any = new TcpAddress("0.0.0.0", 0);
        var e = assertThrows(TransportException.class, () -> provider().listen(any, TransportOptions.DEFAULTS));
        assertTrue(e.getMessage().contains("configuration error") && e.getMessage().contains("tcp://0.0.0.0:0")
                && e.getMessage().contains("TRACTOR_SECRET"), e.getMessage());
        Listener l = track(provider().listen(any, SECURE));
        FrameChannel c = track(provider().connect(new TcpAddress("127.0.0.1", ((TcpAddress) l.boundAddress()).port()), SECURE));
        FrameChannel s = track(l.accept(Duration.ofSeconds(5)).orElseThrow());
        c.send("over the wildcard".getBytes());
        assertEquals("over the wildcard", new String(s.receive()));
    }

    @Test
    void loopbackNeedsNoSecret() {
        track(provider().listen(new TcpAddress("127.0.0.1", 0), TransportOptions.DEFAULTS));
        track(provider().listen(new TcpAddress("::1", 0), TransportOptions.DEFAULTS));
    }
}
