package tractor.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * A userspace stand-in for {@code netem} (fault B.21; this kernel has no {@code netem} qdisc): a TCP
 * proxy that relays every connection to the target and holds each chunk it reads for a delay chosen by
 * its {@link Fault} before writing it on, always in the order read, in both directions. Loss is modelled
 * as TCP sees it: TCP never loses bytes, a lost segment is retransmitted after a timeout, so a "lost"
 * chunk is held for a retransmission delay and every later chunk of that direction waits behind it.
 */
final class FaultProxy implements AutoCloseable {
    /** How long to hold one chunk, in milliseconds. */
    interface Fault {
        long delayMillis();

        /** Every chunk held {@code millis}. */
        static Fault delay(long millis) {
            return () -> millis;
        }

        /** A {@code percent} share of chunks (chosen by a seeded random) held {@code min..max} ms, the others not at all. */
        static Fault loss(int percent, long min, long max, long seed) {
            Random r = new Random(seed);
            return () -> {
                synchronized (r) {
                    return r.nextInt(100) < percent ? min + r.nextLong(max - min + 1) : 0;
                }
            };
        }
    }

    private record Chunk(byte[] bytes, long dueNanos) {}

    private final ServerSocket server;
    private final InetSocketAddress target;
    private final Fault fault;
    private final AtomicInteger chunks = new AtomicInteger();
    private final AtomicInteger held = new AtomicInteger();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final List<Thread> threads = new CopyOnWriteArrayList<>();

    FaultProxy(InetSocketAddress target, Fault fault) throws IOException {
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.target = target;
        this.fault = fault;
        threads.add(Thread.ofVirtual().name("fault proxy accept").start(this::acceptLoop));
    }

    /** The proxy's address, {@code tcp://127.0.0.1:<port>}. */
    String address() {
        return "tcp://127.0.0.1:" + server.getLocalPort();
    }

    /** How many chunks were relayed, and how many of them were held by the fault. */
    int chunks() {
        return chunks.get();
    }

    int held() {
        return held.get();
    }

    private void acceptLoop() {
        try {
            while (true) {
                Socket s = server.accept();
                sockets.add(s);
                Socket t = new Socket(target.getAddress(), target.getPort());
                sockets.add(t);
                relay(s, t);
                relay(t, s);
            }
        } catch (IOException closed) {
            // the proxy was closed
        }
    }

    /** One direction: a reader stamps each chunk with its due time, a writer sends it then, in order. */
    private void relay(Socket from, Socket to) {
        BlockingQueue<Chunk> queue = new LinkedBlockingQueue<>();
        threads.add(Thread.ofVirtual().start(() -> read(from, queue)));
        threads.add(Thread.ofVirtual().start(() -> write(queue, to)));
    }

    private void read(Socket from, BlockingQueue<Chunk> queue) {
        long lastDue = 0;
        byte[] buf = new byte[16 * 1024];
        try (InputStream in = from.getInputStream()) {
            for (int n; (n = in.read(buf)) > 0; ) {
                long d = fault.delayMillis();
                if (d > 0) held.incrementAndGet();
                chunks.incrementAndGet();
                lastDue = Math.max(lastDue, System.nanoTime() + d * 1_000_000);
                queue.add(new Chunk(Arrays.copyOf(buf, n), lastDue));
            }
        } catch (IOException ended) {
            // either side closed
        }
        queue.add(new Chunk(null, lastDue));
    }

    private static void write(BlockingQueue<Chunk> queue, Socket to) {
        try {
            OutputStream out = to.getOutputStream(); // not closed here: that would close the other direction too
            for (Chunk c = queue.take(); c.bytes() != null; c = queue.take()) {
                for (long wait; (wait = c.dueNanos() - System.nanoTime()) > 0; ) LockSupport.parkNanos(wait);
                out.write(c.bytes());
                out.flush();
            }
            to.shutdownOutput();
        } catch (IOException | InterruptedException ended) {
            // either side closed
        }
    }

    @Override
    public void close() throws Exception {
        server.close();
        for (Socket s : sockets) s.close();
        for (Thread t : threads) {
            t.interrupt();
            t.join();
        }
    }

    @Override
    public String toString() {
        return "fault proxy " + address() + " -> " + target + " (" + chunks + " chunks, " + held + " held)";
    }
}
