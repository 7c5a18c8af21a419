package tractor.transport.spi;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketAddress;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import tractor.TransportClosed;

/**
 * The shared implementation of socket-based transports: frame channels and listeners over NIO socket
 * channels (TCP or Unix domain), built so that interrupts never close them (see {@link FrameChannel}).
 * A transport supplies the sockets and how to name their addresses.
 */
public final class SocketFrameChannels {
    private SocketFrameChannels() {}

    /** How a transport turns socket addresses into its {@link Address}es. */
    public interface Naming {
        /** The address of this end of a connected socket. */
        Address local(SocketChannel socket) throws IOException;

        /** The address of the other end of a connected socket. */
        Address remote(SocketChannel socket) throws IOException;

        /**
         * Sets transport-specific socket options on every connected socket, accepted or connected.
         *
         * @implSpec The default does nothing.
         */
        default void configure(SocketChannel socket) throws IOException {}
    }

    /**
     * Wraps a socket this side connected; the channel owns it from now on (and closes it if this fails).
     * With a shared secret in the options' {@link TransportOptions#security() security}, the channel
     * proves it as the client before it carries anything.
     *
     * @throws AuthenticationFailed if the transport refuses the peer while configuring (it is closed)
     * @throws TransportClosed if the socket cannot be set up (it is closed)
     */
    public static FrameChannel open(SocketChannel socket, Naming naming, TransportOptions options) {
        return open(socket, naming, options, false, () -> {});
    }

    /**
     * As {@link #open}; for a socket a listener accepted the challenge runs as the server. {@code afterAuth}
     * runs once the challenge has ended, before its outcome is visible.
     */
    static FrameChannel open(SocketChannel socket, Naming naming, TransportOptions options, boolean accepted, Runnable afterAuth) {
        try {
            naming.configure(socket);
            Address local = naming.local(socket), remote = naming.remote(socket);
            TransportSecurity sec = options.security();
            if (sec.tls()) return new TlsFrameChannel(socket, local, remote, options, accepted, afterAuth).start();
            PeerAuth auth = sec.authenticates() ? new PeerAuth(socket, sec, local, remote, accepted, afterAuth) : null;
            return new FrameChannelImpl(socket, local, remote, options.maxFrameSize(), auth).start();
        } catch (AuthenticationFailed e) {
            closeQuietly(socket);
            throw e;
        } catch (IOException | RuntimeException e) {
            closeQuietly(socket);
            throw new TransportClosed("cannot set up a frame channel over " + socket + ": " + e, e);
        }
    }

    /**
     * Wraps a bound server socket; the listener owns it and runs {@code afterClose} once it is closed.
     *
     * @throws TransportException if the socket cannot be set up (it is closed and {@code afterClose} run)
     */
    public static Listener listener(ServerSocketChannel server, Address bound, Naming naming,
                                    TransportOptions options, Runnable afterClose) {
        try {
            return new SocketListener(server, bound, naming, options, afterClose);
        } catch (IOException | RuntimeException e) {
            closeQuietly(server);
            afterClose.run();
            throw new TransportException("cannot listen on " + bound + ": " + e, e);
        }
    }

    /**
     * Connects a fresh, unconnected socket within the timeout, waiting in a selector (an interrupt wakes
     * the wait; the half-made socket is then closed).
     *
     * @param display the address as the user wrote it, for messages
     * @throws TransportClosed if the connection is refused, fails, or the timeout expires (cause chained)
     * @throws InterruptedIOException if the thread is interrupted meanwhile
     */
    public static SocketChannel connect(SocketChannel socket, SocketAddress target, Address display, Duration timeout)
            throws InterruptedIOException {
        boolean ok = false;
        try (Selector sel = Selector.open()) {
            socket.configureBlocking(false);
            long deadline = System.nanoTime() + timeout.toNanos();
            if (!socket.connect(target)) awaitConnect(socket, sel, deadline, display, timeout);
            ok = true;
            return socket;
        } catch (InterruptedIOException e) {
            throw e;
        } catch (IOException e) {
            throw new TransportClosed("cannot connect to " + display + ": " + e.getMessage(), e);
        } finally {
            if (!ok) closeQuietly(socket);
        }
    }

    private static void awaitConnect(SocketChannel socket, Selector sel, long deadline, Address display, Duration timeout)
            throws IOException {
        socket.register(sel, SelectionKey.OP_CONNECT);
        while (!socket.finishConnect()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) throw new TransportClosed("connecting to " + display + " timed out after " + timeout);
            sel.select(Math.max(1, left / 1_000_000));
            sel.selectedKeys().clear();
            if (Thread.interrupted()) throw new InterruptedIOException("connect to " + display + " interrupted");
        }
    }

    static void closeQuietly(java.io.Closeable c) {
        try {
            c.close();
        } catch (IOException ignored) {
            // best effort
        }
    }
}
