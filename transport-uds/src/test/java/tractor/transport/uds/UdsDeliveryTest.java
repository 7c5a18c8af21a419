package tractor.transport.uds;

import java.net.SocketAddress;
import tractor.transport.spi.Address;
import tractor.transport.spi.TransportProvider;
import tractor.transport.tck.DeliveryTck;

/** The push-mode and read-loop TCK on Unix domain sockets. */
class UdsDeliveryTest extends DeliveryTck {
    @Override protected TransportProvider provider() { return new UdsTransport(); }
    @Override protected Address deadAddress() { return UdsAddress.inRuntimeDir("nobody-listens-here.sock"); }
    @Override protected SocketAddress socketAddress(Address a) { return ((UdsAddress) a).socketAddress(); }
}
