package tractor.bench;

import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tractor.ActorOptions;
import tractor.Context;
import tractor.Endpoint;
import tractor.Endpoints;
import tractor.Portal;
import tractor.RootOptions;
import tractor.Tractor;
import tractor.sc.Sc;

/**
 * Teardown of a 2-level tree of 16 process actors: the root starts {@value #MIDS} actors, each starts
 * {@value #LEAVES} of its own (4 + 12 = 16 JVMs); once all are up the root cancels its nursery, and the time
 * runs until every one of the 16 pids is gone from {@code /proc} (reaped; a zombie counts as not yet
 * gone). Baseline in the same round: 16 bare child JVMs ({@link BareChild}) connected over UDS, all
 * sockets closed at once, until every process has exited. Reports any process still present 5 s after the
 * cancel as a leftover (zombie or survivor).
 *
 * <p>System property {@code teardown.rounds} (5).
 */
public final class TeardownBench {
    static final int ROUNDS = Integer.getInteger("teardown.rounds", 5);
    static final int MIDS = 4;
    static final int LEAVES = 3;

    private TeardownBench() {}

    /** This actor's pid. */
    public static long pid() {
        return ProcessHandle.current().pid();
    }

    /** A mid-level actor: starts {@code n} leaves, reports their pids, then serves until cancelled. */
    public static void subtree(Context ctx, Integer n) throws Exception {
        Tractor.openNursery(an -> {
            List<Long> pids = new ArrayList<>();
            pids.add(pid());
            for (int i = 0; i < n; i++) pids.add(an.startActor("leaf" + i, ActorOptions.of().enable(TeardownBench.class)).run(TeardownBench::pid));
            ctx.started(pids);
            Sc.sleepForever();
        });
    }

    /** Whether {@code pid} still has a {@code /proc} entry (alive or a zombie). */
    static boolean present(long pid) {
        return Files.exists(Path.of("/proc", Long.toString(pid)));
    }

    /** Polls (1 ms) until none of {@code pids} is present or 5 s passed; returns ms since {@code t0}. */
    static double untilGone(List<Long> pids, long t0, List<Long> left) throws InterruptedException {
        long end = t0 + 5_000_000_000L;
        while (pids.stream().anyMatch(TeardownBench::present) && System.nanoTime() < end) Thread.sleep(1);
        double ms = (System.nanoTime() - t0) / 1e6;
        pids.stream().filter(TeardownBench::present).forEach(left::add);
        return ms;
    }

    static double tree(List<Long> leftovers) throws Exception {
        RootOptions root = RootOptions.of().transport("uds").registryAddress(CtxBench.registry("uds")).spawnBackend("process").logLevel("error");
        double[] ms = new double[1];
        Tractor.openNursery(root, an -> {
            List<Long> pids = new ArrayList<>();
            List<Context> ctxs = new ArrayList<>();
            for (int i = 0; i < MIDS; i++) {
                Portal p = an.startActor("mid" + i, ActorOptions.of().enable(TeardownBench.class));
                Context c = p.openContext(Endpoint.of((Endpoints.CtxV1<Integer>) TeardownBench::subtree), false, LEAVES);
                for (Object o : (List<?>) c.first()) pids.add(((Number) o).longValue());
                ctxs.add(c);
            }
            if (pids.size() != MIDS * (LEAVES + 1)) throw new IllegalStateException("tree has " + pids.size() + " processes: " + pids);
            long t0 = System.nanoTime();
            an.cancel();
            ms[0] = untilGone(pids, t0, leftovers);
        });
        return ms[0];
    }

    static double raw(List<Long> leftovers) throws Exception {
        Path dir = Files.createTempDirectory("teardown");
        Path sock = dir.resolve("t.sock");
        List<Process> procs = new ArrayList<>();
        List<SocketChannel> conns = new ArrayList<>();
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX).bind(UnixDomainSocketAddress.of(sock))) {
            List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java")));
            cmd.addAll(SpawnBench.CHILD_OPTS);
            cmd.addAll(List.of("-Xshare:auto", "-cp", SpawnBench.childClassPath(), BareChild.class.getName(), sock.toString()));
            for (int i = 0; i < MIDS * (LEAVES + 1); i++) procs.add(new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start());
            for (Process p : procs) {
                SocketChannel s = IpcBench.await(server::accept, p);
                IpcBench.readFully(s, ByteBuffer.allocate(4));
                conns.add(s);
            }
            long t0 = System.nanoTime();
            for (SocketChannel s : conns) s.close();
            return untilGone(procs.stream().map(Process::pid).toList(), t0, leftovers);
        } finally {
            procs.forEach(Process::destroyForcibly);
            Files.deleteIfExists(sock);
            Files.deleteIfExists(dir);
        }
    }

    public static void main(String[] args) throws Exception {
        System.out.printf(Locale.ROOT, "teardown of %d process actors (%d + %d x %d), until all reaped; baseline %d bare JVMs; %d rounds; %d cpus%n",
                MIDS * (LEAVES + 1), MIDS, MIDS, LEAVES, MIDS * (LEAVES + 1), ROUNDS, Runtime.getRuntime().availableProcessors());
        Map<String, List<Double>> all = new LinkedHashMap<>();
        List<Long> left = new ArrayList<>();
        for (int r = 1; r <= ROUNDS; r++) {
            SpawnBench.record(all, r, "raw-16-jvms", raw(left));
            SpawnBench.record(all, r, "tree-16-actors", tree(left));
        }
        System.out.println();
        for (var e : all.entrySet()) System.out.printf(Locale.ROOT, "  %-16s %s%n", e.getKey(), Stats.of(e.getValue()).fmt("ms"));
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < ROUNDS; i++) ratios.add(all.get("tree-16-actors").get(i) / all.get("raw-16-jvms").get(i));
        System.out.printf(Locale.ROOT, "  tree / raw (median of per-round ratios) %.2f; processes left 5 s after the cancel: %d %s%n",
                Stats.of(ratios).p50(), left.size(), left);
        System.out.println("target: 16-actor tree torn down <= 1 s with 0 zombies");
    }
}
