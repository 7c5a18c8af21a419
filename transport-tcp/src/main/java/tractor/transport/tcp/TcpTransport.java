package tractor.transport.tcp;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import tractor.transport.spi.Address;
import tractor.transport.spi.FrameChannel;
import tractor.transport.spi.Listener;
import tractor.transport.spi.SocketFrameChannels;
import tractor.transport.spi.TransportException;
import tractor.transport.spi.TransportOptions;
import tractor.transport.spi.TransportProvider;

/**
 * The {@code tcp} transport: {@code TCP_NODELAY} on every connection; listeners bind the options' bind
 * host (loopback by default); port 0 binds any free port and {@link Listener#boundAddress()} reports it.
 * A listener on an address that is not loopback (a wildcard such as {@code 0.0.0.0} included) is only
 * opened with a shared secret or mutual TLS in the options' {@link tractor.transport.spi.TransportSecurity}:
 * a network peer must prove it before anything it sends is read.
 */
public final class TcpTransport implements TransportProvider {
    private static final SocketFrameChannels.Naming NAMING = new SocketFrameChannels.Naming() {
        @Override public Address local(SocketChannel s) throws IOException { return TcpAddress.of((InetSocketAddress) s.getLocalAddress()); }
        @Override public Address remote(SocketChannel s) throws IOException { return TcpAddress.of((InetSocketAddress) s.getRemoteAddress()); }
        @Override public void configure(SocketChannel s) throws IOException { s.setOption(StandardSocketOptions.TCP_NODELAY, true); }
    };

    /** Used by {@link java.util.ServiceLoader}. */
    public TcpTransport() {}

    @Override
    public String name() {
        return "tcp";
    }

    @Override
    public TcpAddress parseAddress(String text) {
        return TcpAddress.parse(text);
    }

    @Override
    public TcpAddress anyAddress(String name, TransportOptions options) {
        return new TcpAddress(options.bindHost(), 0);
    }

    @Override
    public Listener listen(Address address, TransportOptions options) {
        TcpAddress a = tcp(address);
        requireSecretOffLoopback(a, options);
        ServerSocketChannel server = null;
        try {
            server = ServerSocketChannel.open();
            server.bind(a.socketAddress(), 128);
            TcpAddress bound = TcpAddress.of((InetSocketAddress) server.getLocalAddress());
            return SocketFrameChannels.listener(server, bound, NAMING, options, () -> {});
        } catch (IOException e) {
            if (server != null) closeQuietly(server);
            throw new TransportException("cannot listen on " + a + ": " + e.getMessage(), e);
        }
    }

    /**
     * @throws TransportException when the address is not loopback and neither a shared secret nor mutual
     *     TLS is configured
     */
    static void requireSecretOffLoopback(TcpAddress a, TransportOptions options) {
        InetSocketAddress sa = a.socketAddress();
        if (options.security().authenticates() || options.security().mutualTls() || sa.isUnresolved() || sa.getAddress().isLoopbackAddress()) return;
        throw new TransportException("configuration error: refusing to listen on " + a + " without a shared secret: a listener on a"
                + " non-loopback address must authenticate its peers (set RootOptions.secret or secretFile, or the environment"
                + " variable TRACTOR_SECRET or TRACTOR_SECRET_FILE)");
    }

    @Override
    public FrameChannel connect(Address address, TransportOptions options) throws InterruptedIOException {
        TcpAddress a = tcp(address);
        SocketChannel s;
        try {
            s = SocketChannel.open();
        } catch (IOException e) {
            throw new TransportException("cannot open a TCP socket: " + e.getMessage(), e);
        }
        InetSocketAddress target = a.socketAddress();
        if (target.isUnresolved()) {
            closeQuietly(s);
            throw new tractor.TransportClosed("cannot connect to " + a + ": host \"" + a.host() + "\" is unknown");
        }
        return SocketFrameChannels.open(SocketFrameChannels.connect(s, target, a, options.connectTimeout()), NAMING, options);
    }

    static TcpAddress tcp(Address address) {
        if (address instanceof TcpAddress t) return t;
        throw new IllegalArgumentException("address \"" + address + "\" is not a tcp address");
    }

    private static void closeQuietly(java.io.Closeable c) {
        try {
            c.close();
        } catch (IOException ignored) {
            // best effort
        }
    }

    @Override
    public String toString() {
        return "TcpTransport[tcp]";
    }
}
