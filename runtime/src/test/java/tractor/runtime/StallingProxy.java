package tractor.runtime;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP listener standing in front of a real actor: its first {@code stalled} connections are accepted
 * and left silent (a handshake that stalls), every later one is relayed byte for byte to the target.
 * With {@code target == null} every connection is accepted and closed at once (a plain listener that
 * is no tractor actor).
 */
final class StallingProxy implements AutoCloseable {
    private final ServerSocket server;
    private final InetSocketAddress target;
    private final int stalled;
    private final AtomicInteger accepted = new AtomicInteger();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final List<Thread> threads = new CopyOnWriteArrayList<>();

    StallingProxy(InetSocketAddress target, int stalled) throws IOException {
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.target = target;
        this.stalled = stalled;
        threads.add(Thread.ofVirtual().name("proxy accept").start(this::acceptLoop));
    }

    /** The proxy's address, {@code tcp://127.0.0.1:<port>}. */
    String address() {
        return "tcp://127.0.0.1:" + server.getLocalPort();
    }

    int port() {
        return server.getLocalPort();
    }

    /** How many connections were accepted so far. */
    int accepted() {
        return accepted.get();
    }

    private void acceptLoop() {
        try {
            while (true) {
                Socket s = server.accept();
                sockets.add(s);
                int n = accepted.incrementAndGet();
                if (target == null) s.close();
                else if (n > stalled) relay(s);
            }
        } catch (IOException closed) {
            // the proxy was closed
        }
    }

    private void relay(Socket s) throws IOException {
        Socket t = new Socket(target.getAddress(), target.getPort());
        sockets.add(t);
        threads.add(Thread.ofVirtual().start(() -> pump(s, t)));
        threads.add(Thread.ofVirtual().start(() -> pump(t, s)));
    }

    private static void pump(Socket from, Socket to) {
        try {
            from.getInputStream().transferTo(to.getOutputStream());
        } catch (IOException ended) {
            // either side closed
        } finally {
            try {
                to.shutdownOutput();
            } catch (IOException ignored) {
                // already closed
            }
        }
    }

    @Override
    public void close() throws Exception {
        server.close();
        for (Socket s : sockets) s.close();
        for (Thread t : threads) t.join();
    }

    @Override
    public String toString() {
        return "proxy " + address() + " -> " + target + " (" + accepted + " accepted, first " + stalled + " stalled)";
    }
}
