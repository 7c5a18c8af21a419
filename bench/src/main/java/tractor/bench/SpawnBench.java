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
import java.util.Optional;
import tractor.ActorNursery;
import tractor.ActorOptions;
import tractor.Context;
import tractor.Portal;
import tractor.RootOptions;
import tractor.Tractor;

/**
 * Spawn-to-ready: {@code startActor} plus the first {@code openContext} handshake done ({@code ctx.first()}),
 * for the process backend cold, with the AOT cache the build made ({@link AotTrain}), from the warm pool,
 * and for the thread backend; against the raw baseline of a bare child JVM ({@link BareChild}, the same
 * JVM options as the process backend's children) that connects back over UDS and sends one msgpack msg,
 * without and with its own AOT cache. Every case runs once per round, rounds interleaved; the root listens
 * on UDS. Children run from the modules' jars when the build packaged them (the AOT cache needs jars).
 * A thread actor's figure per round is the median of {@code spawn.threadSpawns} (21) spawns after
 * {@code spawn.threadWarmup} (50) untimed ones; {@code thread-steady} is the same once the process rounds
 * are over and {@code spawn.threadSteadyWarmup} (2,000) more untimed spawns have run (the spawn path then
 * runs C2-compiled: the figure of a JVM that spawns thread actors as a matter of course);
 * {@code thread-inproc} repeats the first under a second root on the inproc transport, once the first has
 * closed (one root per program).
 *
 * <p>System properties: {@code spawn.rounds} (9), {@code spawn.aotDir} (where {@link AotTrain} wrote
 * {@code actor.aot} and {@code bare.aot}), {@code spawn.poolPause} (2500 ms: the pause after each pool
 * case, in which the pool refills and warms up its next JVM while nothing is measured).
 */
public final class SpawnBench {
    static final int ROUNDS = Integer.getInteger("spawn.rounds", 9);
    /** How long each round leaves the warm pool to boot and warm its next JVM, with nothing else running (ms). */
    static final long POOL_REFILL_PAUSE = Long.getLong("spawn.poolPause", 2500);
    /** The process backend's own child JVM options (ChildCommand.JVM_OPTIONS), for the bare baseline. */
    static final List<String> CHILD_OPTS = List.of("-XX:UserThreadWaitAttemptsAtExit=0", "--sun-misc-unsafe-memory-access=allow",
            "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    /** {@code name:opts|name:opts}: compare child JVM option sets instead of the cases ({@link SpawnVariants}). */
    static final String VARIANTS = System.getProperty("spawn.variants", "");

    private SpawnBench() {}

    /** The child's endpoint: the context is started at once. */
    public static void up(Context ctx) {
        ctx.started(ProcessHandle.current().pid());
    }

    static Path aotDir() {
        return Path.of(System.getProperty("spawn.aotDir", "target/aot")).toAbsolutePath();
    }

    static String childClassPath() {
        return JarClassPath.of(System.getProperty("java.class.path")).orElse(System.getProperty("java.class.path"));
    }

    /** Starts a bare child JVM and waits for its one msg; returns ms from start to that msg. */
    static double bare(String cp, Optional<Path> aot) throws Exception {
        Path dir = Files.createTempDirectory("spawnbench");
        Path sock = dir.resolve("b.sock");
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX).bind(UnixDomainSocketAddress.of(sock))) {
            List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java")));
            cmd.addAll(CHILD_OPTS);
            cmd.add(aot.isPresent() ? "-XX:AOTCache=" + aot.get() : "-Xshare:auto");
            cmd.addAll(List.of("-cp", cp, BareChild.class.getName(), sock.toString()));
            long t0 = System.nanoTime();
            Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            double ms;
            try (SocketChannel s = IpcBench.await(server::accept, p)) {
                ByteBuffer b = ByteBuffer.allocate(4);
                IpcBench.readFully(s, b);
                ms = (System.nanoTime() - t0) / 1e6;
            }
            IpcBench.reap(p);
            return ms;
        } finally {
            Files.deleteIfExists(sock);
            Files.deleteIfExists(dir);
        }
    }

    /** startActor + openContext + first(); returns ms. The actor is cancelled afterwards (not timed). */
    static double ready(ActorNursery an, String name, ActorOptions o) throws Exception {
        long t0 = System.nanoTime();
        Portal p = an.startActor(name, o);
        double ms;
        try (Context ctx = p.openContext(SpawnBench::up)) {
            ctx.first();
            ms = (System.nanoTime() - t0) / 1e6;
            ctx.waitForResult();
        }
        p.cancelActor();
        return ms;
    }

    public static void main(String[] args) throws Exception {
        if (!VARIANTS.isBlank()) {
            SpawnVariants.run(VARIANTS);
            return;
        }
        String cp = childClassPath();
        boolean jars = java.util.Arrays.stream(cp.split(java.io.File.pathSeparator)).noneMatch(e -> Files.isDirectory(Path.of(e)));
        Optional<Path> actorAot = existing(aotDir().resolve("actor.aot"));
        Optional<Path> bareAot = existing(aotDir().resolve("bare.aot"));
        System.out.printf(Locale.ROOT, "spawn-to-ready: %d rounds; children from %s; AOT caches: actor %s, bare %s; %d cpus%n", ROUNDS,
                jars ? "jars" : "class directories (no AOT possible: run the package phase)", actorAot.map(Path::toString).orElse("none"),
                bareAot.map(Path::toString).orElse("none"), Runtime.getRuntime().availableProcessors());
        Map<String, List<Double>> all = new LinkedHashMap<>();
        ActorOptions base = ActorOptions.of().enable(SpawnBench.class).backendOption("classPath", cp);
        ActorOptions aot = actorAot.map(a -> base.backendOption("aotCache", a.toString())).orElse(null);
        ActorOptions pool = (aot != null ? aot : base).backendOption("warmPool", "1");
        RootOptions root = RootOptions.of().transport("uds").registryAddress(CtxBench.registry("uds")).spawnBackend("process").logLevel("error");
        ActorOptions thread = ActorOptions.of().enable(SpawnBench.class).spawnBackend("thread");
        Tractor.openNursery(root, an -> {
            ready(an, "warm-up", base); // JIT of the parent side, not timed
            for (int i = 0; i < THREAD_WARMUP; i++) ready(an, "thr-warm", thread);
            ready(an, "pool-fill", pool); // cold; starts the pool
            Thread.sleep(POOL_REFILL_PAUSE);
            for (int r = 1; r <= ROUNDS; r++) {
                record(all, r, "bare-jvm", bare(cp, Optional.empty()));
                if (bareAot.isPresent()) record(all, r, "bare-jvm-aot", bare(cp, bareAot));
                record(all, r, "process-cold", ready(an, "cold", base));
                if (aot != null) record(all, r, "process-aot", ready(an, "aot", aot));
                record(all, r, "process-pool", ready(an, "pooled", pool));
                // the refill boots and warms the next pooled JVM (a lifecycle rehearsal, ~0.3-0.8 s of CPU) now,
                // alone: what a pool is for; the other cases never run beside it
                Thread.sleep(POOL_REFILL_PAUSE);
                record(all, r, "thread", threadMedian(an, thread));
            }
            // a JVM that has spawned thread actors for a while: the spawn path compiled by C2, nothing else running
            threadRounds(all, "thread-steady", an, thread, THREAD_STEADY_WARMUP);
        });
        // a second program phase: the same thread spawns under a root on the inproc transport (no socket)
        Tractor.openNursery(RootOptions.of().transport("inproc").spawnBackend("thread").logLevel("error"),
                an -> threadRounds(all, "thread-inproc", an, thread, THREAD_WARMUP));
        summary(all);
    }

    /**
     * {@code -Dbench=spawn-thread}: the thread cases alone, under a UDS, a TCP and an inproc root in turn.
     */
    static void threadOnly() throws Exception {
        Map<String, List<Double>> all = new LinkedHashMap<>();
        ActorOptions thread = ActorOptions.of().enable(SpawnBench.class).spawnBackend("thread");
        System.out.printf(Locale.ROOT, "thread spawn-to-ready: %d rounds of %d spawns after %d warm-up spawns per root; %d cpus%n",
                ROUNDS, THREAD_SPAWNS, THREAD_WARMUP, Runtime.getRuntime().availableProcessors());
        for (String t : List.of("uds", "tcp", "inproc")) { // one root after the other: a nursery opened inside a root is that root's
            RootOptions root = RootOptions.of().transport(t).spawnBackend("thread").logLevel("error");
            if (!t.equals("inproc")) root = root.registryAddress(CtxBench.registry(t));
            Tractor.openNursery(root, an -> threadRounds(all, "thread-" + t, an, thread, THREAD_WARMUP));
        }
        System.out.println();
        System.out.println("thread spawn-to-ready, median [min-max] over rounds (target <= 1 ms):");
        for (var e : all.entrySet()) System.out.printf(Locale.ROOT, "  %-14s %s%n", e.getKey(), Stats.of(e.getValue()).fmt("ms"));
    }

    /** Thread spawns made before the timed ones (the thread path's JIT), per root. */
    static final int THREAD_WARMUP = Integer.getInteger("spawn.threadWarmup", 50);
    /** Untimed thread spawns before the {@code thread-steady} rounds (after the others), under the UDS root. */
    static final int THREAD_STEADY_WARMUP = Integer.getInteger("spawn.threadSteadyWarmup", 2000);
    /** Thread spawns per round: the round's figure is their median. */
    static final int THREAD_SPAWNS = Integer.getInteger("spawn.threadSpawns", 21);

    /** {@code warmup} untimed thread spawns, then {@link #ROUNDS} rounds recorded as {@code label}. */
    static void threadRounds(Map<String, List<Double>> all, String label, ActorNursery an, ActorOptions thread, int warmup) throws Exception {
        for (int i = 0; i < warmup; i++) ready(an, "thr-warm", thread);
        for (int r = 1; r <= ROUNDS; r++) record(all, r, label, threadMedian(an, thread));
    }

    /** The median spawn-to-ready of {@link #THREAD_SPAWNS} thread actors, one after the other. */
    static double threadMedian(ActorNursery an, ActorOptions thread) throws Exception {
        double[] ms = new double[THREAD_SPAWNS];
        for (int i = 0; i < ms.length; i++) ms[i] = ready(an, "thr", thread);
        java.util.Arrays.sort(ms);
        return ms[ms.length / 2];
    }

    static Optional<Path> existing(Path p) {
        return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
    }

    static void record(Map<String, List<Double>> all, int round, String c, double ms) {
        all.computeIfAbsent(c, k -> new ArrayList<>()).add(ms);
        System.out.printf(Locale.ROOT, "round %d %-14s %8.2f ms%n", round, c, ms);
    }

    static void summary(Map<String, List<Double>> all) {
        System.out.println();
        System.out.println("spawn-to-ready, median [min-max] over rounds; ratio = median of the per-round ratios (lower is better):");
        for (var e : all.entrySet()) System.out.printf(Locale.ROOT, "  %-14s %s%n", e.getKey(), Stats.of(e.getValue()).fmt("ms"));
        String[][] ratios = {{"process-cold", "bare-jvm"}, {"process-aot", "bare-jvm"}, {"process-aot", "bare-jvm-aot"},
                {"process-pool", "bare-jvm"}, {"thread", "bare-jvm"}, {"thread-steady", "bare-jvm"},
                {"thread-inproc", "bare-jvm"}};
        for (String[] q : ratios) {
            List<Double> a = all.get(q[0]), b = all.get(q[1]);
            if (a == null || b == null) continue;
            List<Double> r = new ArrayList<>();
            for (int i = 0; i < Math.min(a.size(), b.size()); i++) r.add(a.get(i) / b.get(i));
            System.out.printf(Locale.ROOT, "  %-14s / %-13s %.2f%n", q[0], q[1], Stats.of(r).p50());
        }
        System.out.println("targets: process actor <= 1.3x bare-jvm; warm pool <= 5 ms; thread actor <= 1 ms");
    }
}
