package tractor.transport.tcp;

import java.net.SocketAddress;
import tractor.transport.spi.Address;
import tractor.transport.spi.TransportProvider;
import tractor.transport.tck.DeliveryTck;

/** The push-mode and read-loop TCK on TCP. */
class TcpDeliveryTest extends DeliveryTck {
    @Override protected TransportProvider provider() { return new TcpTransport(); }
    @Override protected Address deadAddress() { return new TcpAddress("127.0.0.1", 1); }
    @Override protected SocketAddress socketAddress(Address a) { return ((TcpAddress) a).socketAddress(); }
}
