package tractor.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tractor.ActorOptions;
import tractor.Emitter;
import tractor.Endpoint;
import tractor.Endpoints;
import tractor.MsgStream;
import tractor.Portal;
import tractor.RootOptions;
import tractor.Tractor;
import tractor.sc.MemoryChannel;
import tractor.sc.Nursery;
import tractor.sc.Sc;

/**
 * tractor's "quadruple example" (scenario 73, a performance smoke test there: spawn and stream in under
 * 3 s on Linux): the root starts an aggregator, which starts two streamers, fans their one-way streams of
 * 0..{@value #SEED}-1 (each pausing 0.1 ms after a value) into one memory channel and re-yields each value
 * once; the root receives the whole sequence in order. The time runs from the first spawn until the root's
 * stream ended and the aggregator was cancelled. Baseline in the same round: the three JVMs of the tree
 * started one after the other as bare child JVMs ({@link SpawnBench#bare}), since the tree starts its
 * three actors in sequence too. Cases: process actors and thread actors, under a UDS root.
 *
 * <p>System property {@code quad.rounds} (5).
 */
public final class QuadBench {
    static final int ROUNDS = Integer.getInteger("quad.rounds", 5);
    static final int SEED = 1000;
    static final long PAUSE_NANOS = 100_000;

    private QuadBench() {}

    /** A streamer: emits 0..seed-1, pausing after each value. */
    public static void stream(Emitter out, Integer seed) {
        for (int i = 0; i < seed; i++) {
            out.emit(i);
            Sc.sleep(Duration.ofNanos(PAUSE_NANOS));
        }
    }

    /** The aggregator: two streamers of its own backend, fanned in, each value re-emitted once. */
    public static void aggregate(Emitter out, Integer seed, String backend) throws Exception {
        Tractor.openNursery(RootOptions.of(), an -> {
            List<Portal> streamers = new ArrayList<>();
            for (int i = 1; i <= 2; i++) streamers.add(an.startActor("streamer_" + i, options(backend)));
            MemoryChannel<Object> ch = Sc.openMemoryChannel(500);
            Nursery.run(n -> {
                for (Portal p : streamers) {
                    var send = ch.sender().clone();
                    n.startSoon(() -> {
                        try (send; MsgStream s = p.openStreamFrom(Endpoint.of((Endpoints.Emit1<Integer>) QuadBench::stream), seed)) {
                            for (Object v : s) send.send(v);
                        }
                    });
                }
                ch.sender().close();
                Set<Object> seen = new HashSet<>();
                try (var recv = ch.receiver()) {
                    for (Object v : recv) if (seen.add(v)) out.emit(v);
                }
            });
            an.cancel();
        });
    }

    static ActorOptions options(String backend) {
        return ActorOptions.of().enable(QuadBench.class).spawnBackend(backend); // process children: this JVM's class path
    }

    /** One run of the tree; returns ms, or fails when the root did not receive exactly 0..SEED-1. */
    static double quad(String backend) throws Exception {
        RootOptions root = RootOptions.of().transport("uds").registryAddress(CtxBench.registry("uds")).logLevel("error");
        List<Object> got = new ArrayList<>();
        long t0 = System.nanoTime();
        Tractor.openNursery(root, an -> {
            Portal agg = an.startActor("aggregator", options(backend));
            try (MsgStream s = agg.openStreamFrom(Endpoint.of((Endpoints.Emit2<Integer, String>) QuadBench::aggregate), SEED, backend)) {
                for (Object v : s) got.add(v);
            }
            agg.cancelActor();
        });
        double ms = (System.nanoTime() - t0) / 1e6;
        boolean inOrder = got.size() == SEED;
        for (int i = 0; inOrder && i < SEED; i++) inOrder = ((Number) got.get(i)).intValue() == i;
        if (!inOrder) throw new IllegalStateException("the root received " + got);
        return ms;
    }

    public static void main(String[] args) throws Exception {
        String cp = System.getProperty("java.class.path"); // the bare JVMs start from the same class path as the actors
        System.out.printf(Locale.ROOT, "quadruple example (scenario 73): %d rounds, %d values, %d cpus%n", ROUNDS, SEED,
                Runtime.getRuntime().availableProcessors());
        quad("thread"); // JIT of the root side, not timed
        Map<String, List<Double>> all = new LinkedHashMap<>();
        for (int r = 1; r <= ROUNDS; r++) {
            double bare3 = 0;
            for (int i = 0; i < 3; i++) bare3 += SpawnBench.bare(cp, Optional.empty());
            SpawnBench.record(all, r, "3-bare-jvms", bare3);
            SpawnBench.record(all, r, "quad-process", quad("process"));
            SpawnBench.record(all, r, "quad-thread", quad("thread"));
        }
        System.out.println();
        System.out.println("spawn + stream 0..999 through the fan-in tree, median [min-max] over rounds:");
        for (var e : all.entrySet()) System.out.printf(Locale.ROOT, "  %-13s %s%n", e.getKey(), Stats.of(e.getValue()).fmt("ms"));
        List<Double> ratio = new ArrayList<>();
        for (int i = 0; i < ROUNDS; i++) ratio.add(all.get("quad-process").get(i) / all.get("3-bare-jvms").get(i));
        System.out.printf(Locale.ROOT, "  quad-process / 3-bare-jvms  %.2f (median of the per-round ratios)%n", Stats.of(ratio).p50());
        System.out.println("tractor's bound (scenario 73, Linux): 3000 ms");
    }
}
