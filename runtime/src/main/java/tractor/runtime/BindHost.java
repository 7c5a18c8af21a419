package tractor.runtime;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.URI;
import tractor.transport.spi.Address;
import tractor.transport.spi.TransportOptions;

/**
 * Where a spawned child listens over TCP: on the interface through which it reaches its parent, so
 * that a child started on another host (the {@code ssh} backend) registers an address the rest of the
 * tree can reach. A parent on loopback keeps the child on loopback. The interface is the one the
 * kernel's routing picks for the parent's address (a connected UDP socket, which sends nothing).
 */
final class BindHost {
    private BindHost() {}

    /** {@code topts} with the bind host that faces {@code peer}, or {@code topts} unchanged. */
    static TransportOptions towards(TransportOptions topts, Address peer) {
        if (!"tcp".equals(peer.transport())) return topts;
        try {
            URI u = URI.create(peer.toString());
            InetAddress remote = InetAddress.getByName(u.getHost());
            if (remote.isLoopbackAddress() || remote.isAnyLocalAddress()) return topts;
            try (DatagramSocket s = new DatagramSocket()) {
                s.connect(remote, u.getPort());
                InetAddress local = s.getLocalAddress();
                return local == null || local.isAnyLocalAddress() ? topts : topts.withBindHost(local.getHostAddress());
            }
        } catch (IOException | IllegalArgumentException e) {
            return topts; // no route known: loopback, as before
        }
    }
}
