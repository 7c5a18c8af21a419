package tractor.transport.uds;

import java.net.SocketAddress;
import tractor.transport.spi.Address;
import tractor.transport.spi.TransportProvider;
import tractor.transport.tck.SecurityTck;

/** The authentication TCK on Unix domain sockets (a secret, when configured, is proven there too). */
class UdsSecurityTest extends SecurityTck {
    @Override protected TransportProvider provider() { return new UdsTransport(); }
    @Override protected SocketAddress socketAddress(Address a) { return ((UdsAddress) a).socketAddress(); }
}
