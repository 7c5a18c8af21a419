package tractor.bench;

import java.lang.management.ManagementFactory;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tractor.ActorOptions;
import tractor.Context;
import tractor.RootOptions;
import tractor.Tractor;
import tractor.sc.Sc;

/**
 * Scale: N thread-backend actors, each holding an open context with the root over {@code scale.transport}
 * (default {@code uds}; {@code inproc} keeps every frame in memory), for N on a curve:
 * heap used (after GC) per actor, spawn rate (startActor + openContext + first, one after the other),
 * platform threads, and the time the root's nursery cancel takes to tear them all down. Baseline in the
 * same run for each N: N raw UDS connections in this JVM, each with a virtual thread blocked reading its
 * end (what "N connected endpoints" costs without tractor). Stops the curve early when a level takes more
 * than {@code scale.budgetSeconds} (120) or the heap passes 1.8 GiB. Run with {@code -Xmx2g}.
 *
 * <p>Each level also counts the descriptors it opened ({@code /proc/self/fd}). The open-file limit is raised
 * first ({@link FdLimit}, to {@code scale.fdLimit}, 100,000), as a deployment of many actors would.
 *
 * <p>System properties {@code scale.ns} (100,1000,10000) and {@code scale.transport} (uds).
 */
public final class ScaleBench {
    static final long BUDGET_NS = Long.getLong("scale.budgetSeconds", 120) * 1_000_000_000L;
    static final String TRANSPORT = System.getProperty("scale.transport", "uds");

    private ScaleBench() {}

    /** The actor's side of the open context: started, then held until cancelled. */
    public static void hold(Context ctx) {
        ctx.started();
        Sc.sleepForever();
    }

    static long heapUsed() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    static int platformThreads() {
        return ManagementFactory.getThreadMXBean().getThreadCount();
    }

    record Level(int n, double spawnSec, long heapBytes, int threads, int fds, double teardownMs) {}

    static Level actors(int n) throws Exception {
        long h0 = heapUsed();
        int th0 = platformThreads();
        int fd0 = FdLimit.open();
        Level[] out = new Level[1];
        String registry = TRANSPORT.equals("inproc") ? "inproc://scale-registry-" + n : CtxBench.registry(TRANSPORT);
        RootOptions root = RootOptions.of().transport(TRANSPORT).registryAddress(registry).spawnBackend("thread").logLevel("error");
        Tractor.openNursery(root, an -> {
            List<Context> ctxs = new ArrayList<>(n);
            long t0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                Context c = an.startActor("a" + i, ActorOptions.of().enable(ScaleBench.class)).openContext(ScaleBench::hold);
                c.first();
                ctxs.add(c);
                if (System.nanoTime() - t0 > BUDGET_NS) throw new IllegalStateException("over budget at " + i + " actors");
            }
            double spawn = (System.nanoTime() - t0) / 1e9;
            long heap = heapUsed() - h0;
            int threads = platformThreads() - th0;
            int fds = FdLimit.open() - fd0;
            long t1 = System.nanoTime();
            an.cancel();
            out[0] = new Level(n, spawn, heap, threads, fds, (System.nanoTime() - t1) / 1e6);
        });
        return out[0];
    }

    static Level raw(int n) throws Exception {
        long h0 = heapUsed();
        int th0 = platformThreads();
        int fd0 = FdLimit.open();
        Path dir = Files.createTempDirectory("scale");
        Path sock = dir.resolve("s.sock");
        List<SocketChannel> all = new ArrayList<>();
        List<Thread> readers = new ArrayList<>();
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX).bind(UnixDomainSocketAddress.of(sock), 1024)) {
            long t0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                SocketChannel c = SocketChannel.open(UnixDomainSocketAddress.of(sock));
                SocketChannel s = server.accept();
                all.add(c);
                all.add(s);
                readers.add(Thread.ofVirtual().start(() -> {
                    try {
                        s.read(ByteBuffer.allocate(64));
                    } catch (Exception closed) {
                        // closed by the teardown
                    }
                }));
            }
            double spawn = (System.nanoTime() - t0) / 1e9;
            long heap = heapUsed() - h0;
            int threads = platformThreads() - th0;
            int fds = FdLimit.open() - fd0;
            long t1 = System.nanoTime();
            for (SocketChannel c : all) c.close();
            for (Thread t : readers) t.join();
            return new Level(n, spawn, heap, threads, fds, (System.nanoTime() - t1) / 1e6);
        } finally {
            for (SocketChannel c : all) c.close();
            Files.deleteIfExists(sock);
            Files.deleteIfExists(dir);
        }
    }

    static void print(String what, Level l) {
        System.out.printf(Locale.ROOT, "%-7s N=%-6d spawn %7.2f s (%8.1f /s)  heap %7.1f MiB (%6.1f KiB each)  +%5d platform threads  +%6d fds (%.1f each)  teardown %8.1f ms%n",
                what, l.n(), l.spawnSec(), l.n() / l.spawnSec(), l.heapBytes() / 1048576.0, l.heapBytes() / 1024.0 / l.n(), l.threads(), l.fds(),
                (double) l.fds() / l.n(), l.teardownMs());
    }

    public static void main(String[] args) throws Exception {
        long[] before = FdLimit.get();
        long fdLimit = FdLimit.raiseTo(Long.getLong("scale.fdLimit", 100_000));
        System.out.printf(Locale.ROOT, "scale: thread-backend actors each holding an open context (%s; raw baseline: uds sockets); max heap %d MiB; %d cpus; open-file limit %s -> %d%n",
                TRANSPORT, Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors(),
                before == null ? "unknown" : before[0] + "/" + before[1], fdLimit);
        for (String s : System.getProperty("scale.ns", "100,1000,10000").split(",")) {
            int n = Integer.parseInt(s.trim());
            Level raw = null;
            try {
                raw = raw(n);
                print("raw", raw);
            } catch (java.io.IOException e) { // 2 descriptors per raw connection: N=10,000 passes a 20,000 open-file limit
                System.out.printf(Locale.ROOT, "raw     N=%-6d FAILED: %s (no baseline at this level)%n", n, e);
            }
            Level ours;
            try {
                ours = actors(n);
            } catch (Exception | OutOfMemoryError e) {
                System.out.printf(Locale.ROOT, "actors N=%d FAILED: %s; the curve stops here%n", n, e);
                break;
            }
            print("actors", ours);
            if (raw != null) System.out.printf(Locale.ROOT, "ratio   N=%-6d spawn time %.1fx raw, heap %.1fx raw, teardown %.1fx raw; heap at 10,000 (linear): %.0f MiB%n", n,
                    ours.spawnSec() / raw.spawnSec(), (double) ours.heapBytes() / Math.max(1, raw.heapBytes()), ours.teardownMs() / Math.max(0.001, raw.teardownMs()),
                    ours.heapBytes() / 1048576.0 / n * 10_000);
            if (ours.spawnSec() * 1e9 > BUDGET_NS || ours.heapBytes() > 1800L << 20) {
                System.out.println("budget reached: the curve stops here");
                break;
            }
        }
        System.out.println("target: 10,000 thread actors with open contexts in <= 2 GiB heap");
    }
}
