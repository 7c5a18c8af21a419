package tractor.transport.tcp;

import static org.junit.jupiter.api.Assertions.*;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.channels.ServerSocketChannel;
import org.junit.jupiter.api.Test;
import tractor.transport.spi.Address;
import tractor.transport.spi.Listener;
import tractor.transport.spi.TransportProvider;
import tractor.transport.tck.TransportTck;

/** The TCK on TCP, plus what only TCP has: ports, hosts, TCP_NODELAY. */
class TcpTransportTest extends TransportTck {
    private static final Address DEAD = deadPort();

    private static Address deadPort() {
        try (ServerSocketChannel s = ServerSocketChannel.open().bind(new InetSocketAddress("127.0.0.1", 0))) {
            return TcpAddress.of((InetSocketAddress) s.getLocalAddress()); // free once closed
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    @Override protected TransportProvider provider() { return new TcpTransport(); }
    @Override protected Address deadAddress() { return DEAD; }
    @Override protected SocketAddress socketAddress(Address a) { return ((TcpAddress) a).socketAddress(); }

    @Test
    void portZeroBindsLoopbackAndReportsTheRealPort() {
        Listener l = listen();
        TcpAddress a = (TcpAddress) l.boundAddress();
        assertEquals("127.0.0.1", a.host());
        assertNotEquals(0, a.port());
        assertEquals("tcp://127.0.0.1:" + a.port(), a.toString());
    }

    @Test
    void addressTextForms() {
        assertEquals(new TcpAddress("127.0.0.1", 1616), TcpAddress.parse("tcp://127.0.0.1:1616"));
        TcpAddress v6 = TcpAddress.parse("tcp://[::1]:1616");
        assertEquals("::1", v6.host());
        assertEquals("tcp://[::1]:1616", v6.toString());
        for (String bad : new String[] {"tcp://127.0.0.1", "tcp://:1", "tcp://h:x", "tcp://h:70000", "udp://h:1"}) {
            var e = assertThrows(IllegalArgumentException.class, () -> TcpAddress.parse(bad));
            assertTrue(e.getMessage().contains("\"" + bad + "\""), e.getMessage());
        }
    }
}
