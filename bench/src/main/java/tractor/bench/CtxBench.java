package tractor.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import tractor.ActorOptions;
import tractor.Context;
import tractor.MsgStream;
import tractor.Portal;
import tractor.RootOptions;
import tractor.Tractor;

/**
 * Contexts and streams through the public API, between two PROCESS actors (this JVM is the root, one
 * child actor JVM spawned by the process backend, TCP loopback), each against the raw-socket baselines
 * of {@link IpcBench} measured in the same run and the same rounds (TCP, JVM to JVM):
 * <ul>
 * <li>{@code ctx-pingpong}: {@code portal.openContext(CtxBench::echo)}, {@code ctx.openStream()}, then
 *     {@code send(i)} + {@code receive()} N times (one value in flight), against {@code pp-raw-platform}
 *     and {@code pp-raw-virtual};</li>
 * <li>{@code stream-from}: {@code portal.openStreamFrom(CtxBench::ints, n)}, a child producer returning
 *     a {@code Stream<Long>} of 0..n-1, iterated to its end; rate = n / (open to end). One-way streams
 *     have no flow control (a producer faster than its consumer overruns the consumer's buffer,
 *     StreamOverrun), so this may fail: it is reported as such;</li>
 * <li>{@code ctx-credit64} / {@code ctx-credit640}: the same n small ints over a context stream, with
 *     credit-based flow control in user code (the producer keeps at most 64 / 640 values unacknowledged,
 *     the consumer acks every quarter window; 640 needs the context opened with {@code allowOverruns}):
 *     the sustainable one-way rate through the public API;</li>
 * <li>baselines {@code ow-raw-batched} (64 KiB writes) and {@code ow-raw-flush} (one write per msg).</li>
 * </ul>
 * System properties: {@code ctx.rounds} (3), {@code ctx.warmup} (5000), {@code ctx.roundtrips} (20000),
 * {@code ctx.msgs} (1000000); the raw cases use {@code ipc.*} (see {@link IpcBench}).
 */
public final class CtxBench {
    static final int ROUNDS = Integer.getInteger("ctx.rounds", 3);
    static final int WARM = Integer.getInteger("ctx.warmup", 5_000);
    static final int N = Integer.getInteger("ctx.roundtrips", 20_000);
    static final long MSGS = Long.getLong("ctx.msgs", 500_000);
    static final int WINDOW = 64;

    private CtxBench() {}

    // ---------------------------------------------------------------- child actor's endpoints

    /** Echoes every value back on the context's stream until the parent closes its side. */
    public static void echo(Context ctx) {
        ctx.started();
        try (MsgStream s = ctx.openStream()) {
            for (Object m : s) s.send(m);
        }
    }

    /** A plain call: the child is up and serving. */
    public static long ready() {
        return ProcessHandle.current().pid();
    }

    /** A one-way producer: 0..n-1. */
    public static Stream<Long> ints(long n) {
        return LongStream.range(0, n).boxed();
    }

    /** Sends 0..n-1 with at most {@code window} values unacknowledged (each ack grants what it carries). */
    public static long credit(Context ctx, long n, int window) {
        ctx.started();
        try (MsgStream s = ctx.openStream()) {
            long credit = window;
            for (long i = 0; i < n; i++) {
                while (credit == 0) credit += ((Number) s.receive()).longValue();
                s.send(i);
                credit--;
            }
            s.send(-1L);
            return n;
        }
    }

    // ---------------------------------------------------------------- root side

    /** A private registry address on {@code transport}: a free TCP port, or a fresh socket file. */
    static String registry(String transport) {
        if (transport.equals("tcp")) return "tcp://127.0.0.1:0";
        return "uds://" + java.nio.file.Path.of(System.getProperty("java.io.tmpdir"), "bench-" + java.util.UUID.randomUUID().toString().substring(0, 8) + ".sock");
    }

    static IpcBench.Result ctxPingPong(Portal p) {
        try (Context ctx = p.openContext(CtxBench::echo)) {
            ctx.first();
            IpcBench.Result r;
            try (MsgStream s = ctx.openStream()) {
                for (long i = 0; i < WARM; i++) {
                    s.send(i);
                    s.receive();
                }
                long[] lat = new long[N];
                long t0 = System.nanoTime();
                for (int i = 0; i < N; i++) {
                    long a = System.nanoTime();
                    s.send((long) i);
                    Object back = s.receive();
                    lat[i] = System.nanoTime() - a;
                    if (((Number) back).longValue() != i) throw new AssertionError("got " + back + " for " + i);
                }
                r = IpcBench.latencies(lat, System.nanoTime() - t0);
            }
            ctx.waitForResult();
            return r;
        }
    }

    static IpcBench.Result streamFrom(Portal p, long n) {
        long t0 = System.nanoTime();
        long count = 0;
        try (MsgStream s = p.openStreamFrom(CtxBench::ints, n)) {
            for (Object v : s) {
                if (((Number) v).longValue() != count) throw new AssertionError("got " + v + " at " + count);
                count++;
            }
        }
        long el = System.nanoTime() - t0;
        if (count != n) throw new AssertionError("received " + count + " of " + n);
        return new IpcBench.Result(n * 1e9 / el, 0, 0);
    }

    /**
     * {@code window} 64: within the context's default buffer; 640: within the 680 of a context opened
     * with {@code allowOverruns}. The consumer acks every {@code window / 4} values.
     */
    static IpcBench.Result ctxCredit(Portal p, long n, int window) {
        long t0 = System.nanoTime();
        long count = 0;
        int ackEvery = window / 4;
        try (Context ctx = p.openContext(tractor.Endpoint.of((tractor.Endpoints.Ctx2<Long, Integer, Long>) CtxBench::credit),
                window > WINDOW, n, window)) {
            ctx.first();
            try (MsgStream s = ctx.openStream()) {
                while (true) {
                    long v = ((Number) s.receive()).longValue();
                    if (v < 0) break;
                    if (v != count) throw new AssertionError("got " + v + " at " + count);
                    if (++count % ackEvery == 0) s.send((long) ackEvery);
                }
            }
            ctx.waitForResult();
        }
        long el = System.nanoTime() - t0;
        if (count != n) throw new AssertionError("received " + count + " of " + n);
        return new IpcBench.Result(n * 1e9 / el, 0, 0);
    }

    interface Case {
        IpcBench.Result run() throws Exception;
    }

    static void measure(Map<String, List<IpcBench.Result>> all, int round, String name, Case c) {
        IpcBench.Result r;
        try {
            r = c.run();
        } catch (Throwable e) {
            System.out.printf(Locale.ROOT, "round %d %-16s FAILED: %s%n", round, name, e);
            r = new IpcBench.Result(Double.NaN, Double.NaN, Double.NaN);
        }
        all.computeIfAbsent(name, k -> new ArrayList<>()).add(r);
        if (!Double.isNaN(r.rate())) System.out.printf(Locale.ROOT, "round %d %-30s %s%n", round, name, fmt(name, r));
    }

    static String fmt(String c, IpcBench.Result r) {
        if (Double.isNaN(r.rate())) return "FAILED";
        return c.contains("pingpong") || c.startsWith("pp")
                ? String.format(Locale.ROOT, "%9.1f k rt/s  p50 %6.1f us  p99 %6.1f us", r.rate() / 1e3, r.p50us(), r.p99us())
                : String.format(Locale.ROOT, "%9.3f M msgs/s", r.rate() / 1e6);
    }

    static final String[][] RATIOS = {
            {"ctx-pingpong", "pp-raw-platform"}, {"ctx-pingpong", "pp-raw-virtual"},
            {"stream-from", "ow-raw-batched"}, {"stream-from", "ow-raw-flush"},
            {"ctx-credit64", "ow-raw-batched"}, {"ctx-credit640", "ow-raw-batched"}};
    static final List<String> TRANSPORTS = List.of(System.getProperty("ctx.transports", "tcp,uds").split(","));
    static final List<String> BACKENDS = List.of(System.getProperty("ctx.backends", "process,thread").split(","));
    static final List<String> CASES = List.of(System.getProperty("ctx.cases", "ctx-pingpong,stream-from").split(","));
    /** Extra JVM options of a process child (whitespace-separated; later flags win), e.g. {@code -XX:TieredStopAtLevel=4}. */
    static final List<String> CHILD_JVM = List.of(System.getProperty("ctx.childJvm", "").trim().split("\\s+")).stream().filter(o -> !o.isEmpty()).toList();

    /**
     * Whether the process child is served from the warm pool ({@code ctx.childPool}, default false): a
     * primer child of the same options starts the pool, the pooled JVM gets {@link #POOL_PAUSE_MS} to boot
     * and rehearse, and the measured child is a hit (its spawn time shows it).
     */
    static final boolean CHILD_POOL = Boolean.getBoolean("ctx.childPool");
    static final long POOL_PAUSE_MS = Long.getLong("ctx.poolPause", 3000);

    public static void main(String[] args) throws Exception {
        System.out.printf(Locale.ROOT, "contexts and streams, root <-> one child actor, %s x %s: %d rounds; ping-pong %d+%d round trips,"
                + " one-way %d msgs; raw baselines of IpcBench on the same transport in the same rounds; %d cpus%n",
                BACKENDS, TRANSPORTS, ROUNDS, WARM, N, MSGS, Runtime.getRuntime().availableProcessors());
        if (!CHILD_JVM.isEmpty()) System.out.println("process child's extra JVM options: " + CHILD_JVM);
        if (CHILD_POOL) System.out.println("process child from the warm pool (warmPool=1, primed " + POOL_PAUSE_MS + " ms before)");
        Map<String, List<IpcBench.Result>> all = new LinkedHashMap<>();
        for (String transport : TRANSPORTS) {
            for (String backend : BACKENDS) pair(all, transport, backend);
        }
        summary(all);
    }

    /** One transport and backend: a root and one child actor; every round runs the raw baselines and the API cases. */
    static void pair(Map<String, List<IpcBench.Result>> all, String transport, String backend) throws Exception {
        String tag = "/" + transport + "/" + backend;
        RootOptions root = RootOptions.of().transport(transport).registryAddress(registry(transport)).spawnBackend(backend).logLevel("error");
        ActorOptions options = ActorOptions.of().enable(CtxBench.class).jvmOptions(CHILD_JVM.toArray(String[]::new));
        boolean pooled = CHILD_POOL && backend.equals("process");
        if (pooled) options = options.backendOption("warmPool", "1");
        ActorOptions childOptions = options;
        Tractor.openNursery(root, an -> {
            if (pooled) {
                an.startActor("primer", childOptions).cancelActor(); // cold: starts the pool
                Thread.sleep(POOL_PAUSE_MS); // the pooled JVM boots and rehearses alone
            }
            long s0 = System.nanoTime();
            Portal p = an.startActor("echo", childOptions);
            p.run(CtxBench::ready); // connected and serving
            System.out.printf(Locale.ROOT, "%s: child actor spawned and serving in %.0f ms%n", tag, (System.nanoTime() - s0) / 1e6);
            measure(new LinkedHashMap<>(), 0, "warm stream-from", () -> streamFrom(p, Math.min(MSGS, 200_000))); // JIT, not timed
            for (int round = 1; round <= ROUNDS; round++) {
                int r = round;
                if (CASES.contains("ctx-pingpong")) {
                    for (String c : List.of("pp-raw-platform", "pp-raw-virtual")) measure(all, r, c + "/" + transport, () -> IpcBench.runCase(c, transport));
                    measure(all, r, "ctx-pingpong" + tag, () -> ctxPingPong(p));
                }
                if (CASES.stream().anyMatch(c -> !c.equals("ctx-pingpong"))) {
                    for (String c : List.of("ow-raw-batched", "ow-raw-flush")) measure(all, r, c + "/" + transport, () -> IpcBench.runCase(c, transport));
                }
                if (CASES.contains("stream-from")) measure(all, r, "stream-from" + tag, () -> streamFrom(p, MSGS));
                if (CASES.contains("ctx-credit64")) measure(all, r, "ctx-credit64" + tag, () -> ctxCredit(p, MSGS, 64));
                if (CASES.contains("ctx-credit640")) measure(all, r, "ctx-credit640" + tag, () -> ctxCredit(p, MSGS, 640));
            }
            p.cancelActor();
        });
    }

    static void summary(Map<String, List<IpcBench.Result>> all) {
        System.out.println();
        System.out.println("median over rounds (rate; p50/p99 of the median round):");
        for (var e : all.entrySet()) {
            List<IpcBench.Result> rs = new ArrayList<>(e.getValue());
            rs.sort((x, y) -> Double.compare(x.rate(), y.rate()));
            IpcBench.Result m = rs.get(rs.size() / 2);
            StringBuilder rates = new StringBuilder();
            for (IpcBench.Result r : e.getValue()) rates.append(String.format(Locale.ROOT, " %.3g", r.rate()));
            System.out.printf(Locale.ROOT, "  %-30s %s   [rounds:%s]%n", e.getKey(), fmt(e.getKey(), m), rates);
        }
        System.out.println("ratios (median of the per-round ratios; higher is better, 1.00 = as fast as the baseline):");
        for (String[] q : RATIOS) {
            for (String transport : TRANSPORTS) {
                for (String backend : BACKENDS) {
                    List<IpcBench.Result> a = all.get(q[0] + "/" + transport + "/" + backend), b = all.get(q[1] + "/" + transport);
                    if (a == null || b == null) continue;
                    int k = Math.min(a.size(), b.size() / BACKENDS.size());
                    double[] r = new double[k];
                    for (int i = 0; i < k; i++) r[i] = a.get(i).rate() / b.get(i + k * BACKENDS.indexOf(backend)).rate();
                    double[] sorted = r.clone();
                    Arrays.sort(sorted);
                    System.out.printf(Locale.ROOT, "  %-30s / %-20s %.2f   [rounds:%s]%n", q[0] + "/" + transport + "/" + backend, q[1] + "/" + transport,
                            sorted[sorted.length / 2], IpcBench.fmtAll(r));
                }
            }
        }
        System.out.println("targets: ctx-pingpong >= 0.7x raw ping-pong; one-way >= 1 M msgs/s");
    }
}
