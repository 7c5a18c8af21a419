package tractor.transport.spi;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import tractor.TransportClosed;
import tractor.sc.ClosedResourceException;

/**
 * A {@link Listener} over a non-blocking {@link ServerSocketChannel}: accept waits in a selector, so an
 * interrupt only wakes it and never closes the server socket.
 */
final class SocketListener implements Listener {
    private final ServerSocketChannel server;
    private final Address bound;
    private final SocketFrameChannels.Naming naming;
    private final TransportOptions options;
    private final Runnable afterClose;
    private final Selector selector;
    private final ReentrantLock acceptLock = new ReentrantLock();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final java.util.concurrent.atomic.AtomicInteger pending = new java.util.concurrent.atomic.AtomicInteger();

    SocketListener(ServerSocketChannel server, Address bound, SocketFrameChannels.Naming naming,
                   TransportOptions options, Runnable afterClose) throws IOException {
        this.server = server;
        this.bound = bound;
        this.naming = naming;
        this.options = options;
        this.afterClose = afterClose;
        server.configureBlocking(false);
        this.selector = Selector.open();
        server.register(selector, SelectionKey.OP_ACCEPT);
    }

    @Override
    public Address boundAddress() {
        return bound;
    }

    @Override
    public Optional<FrameChannel> accept(Duration timeout) throws InterruptedIOException {
        try {
            acceptLock.lockInterruptibly();
        } catch (InterruptedException e) {
            throw (InterruptedIOException) new InterruptedIOException("accept on " + this + " interrupted").initCause(e);
        }
        try {
            return awaitConnection(System.nanoTime() + Math.max(0, timeout.toNanos()));
        } catch (InterruptedIOException e) {
            throw e;
        } catch (IOException | ClosedSelectorException e) {
            if (closed.get()) throw (ClosedResourceException) new ClosedResourceException(this + " is closed").initCause(e);
            throw new TransportException("accept on " + this + " failed: " + e, e);
        } finally {
            acceptLock.unlock();
        }
    }

    private Optional<FrameChannel> awaitConnection(long deadline) throws IOException {
        while (true) {
            if (closed.get()) throw new ClosedResourceException(this + " is closed");
            SocketChannel s = server.accept();
            if (s != null) {
                Optional<FrameChannel> admitted = admit(s);
                if (admitted.isPresent()) return admitted;
                continue;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) return Optional.empty();
            selector.select(Math.max(1, left / 1_000_000));
            selector.selectedKeys().clear();
            if (Thread.interrupted()) throw new InterruptedIOException("accept on " + this + " interrupted");
        }
    }

    /**
     * Wraps an accepted socket, unless too many connections are still authenticating or the transport
     * refuses the peer: then it is closed at once and the refusal logged.
     */
    private Optional<FrameChannel> admit(SocketChannel s) {
        TransportSecurity sec = options.security();
        if (sec.handshakes() && pending.get() >= sec.maxPendingHandshakes()) {
            PeerAuth.LOG.log(System.Logger.Level.WARNING, "refused a connection from " + peerOf(s) + " on " + bound + ": "
                    + pending.get() + " connections are already authenticating (the cap is " + sec.maxPendingHandshakes() + ")");
            SocketFrameChannels.closeQuietly(s);
            return Optional.empty();
        }
        if (sec.handshakes()) pending.incrementAndGet();
        try {
            return Optional.of(SocketFrameChannels.open(s, naming, options, true, sec.handshakes() ? pending::decrementAndGet : () -> {}));
        } catch (TransportClosed e) { // the transport refused the peer, or the connection broke at once: keep accepting
            if (sec.handshakes()) pending.decrementAndGet();
            PeerAuth.LOG.log(System.Logger.Level.WARNING, (e instanceof AuthenticationFailed ? "AuthenticationFailed: refused" : "dropped")
                    + " a connection on " + bound + ": " + e.getMessage());
            return Optional.empty();
        }
    }

    /** How many accepted connections are still authenticating. */
    int pendingHandshakes() {
        return pending.get();
    }

    private static String peerOf(SocketChannel s) {
        try {
            return String.valueOf(s.getRemoteAddress());
        } catch (IOException e) {
            return "an unknown peer";
        }
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) return;
        try {
            selector.close();
            server.close();
        } catch (IOException ignored) {
            // best effort: the descriptor is released either way
        } finally {
            afterClose.run();
        }
    }

    @Override
    public String toString() {
        return "Listener[" + bound + (closed.get() ? ", closed" : "") + "]";
    }
}
