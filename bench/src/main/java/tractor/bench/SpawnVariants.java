package tractor.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import tractor.ActorOptions;
import tractor.RootOptions;
import tractor.Tractor;

/**
 * The spawn bench's lever mode ({@code -Dspawn.variants=name:opts|name:opts}, options separated by spaces):
 * per round, the bare child JVM baseline, then {@code process-cold} and {@code process-aot} once for each
 * named set of extra child JVM options (and {@code pool-<name>}, the warm pool with the AOT cache, with
 * {@code -Dspawn.variantPool=true}) ({@code ActorOptions.jvmOptions}, appended after the backend's own, so
 * the later flag wins). An empty set ({@code base:}) is the backend's default. Rounds interleave the variants,
 * so a change of the machine's mode hits all of them alike; read the ratios to {@code bare-jvm}.
 */
final class SpawnVariants {
    /** Whether each variant also has a warm-pool row ({@code spawn.variantPool}, default false: 2.5 s per row). */
    static final boolean POOL = Boolean.getBoolean("spawn.variantPool");

    private SpawnVariants() {}

    static Map<String, List<String>> parse(String spec) {
        Map<String, List<String>> v = new LinkedHashMap<>();
        for (String part : spec.split("\\|")) {
            int colon = part.indexOf(':');
            String name = colon < 0 ? part.trim() : part.substring(0, colon).trim();
            String opts = colon < 0 ? "" : part.substring(colon + 1).trim();
            v.put(name, opts.isEmpty() ? List.of() : Arrays.asList(opts.split("\\s+")));
        }
        return v;
    }

    static void run(String spec) throws Exception {
        Map<String, List<String>> variants = parse(spec);
        String cp = SpawnBench.childClassPath();
        Optional<Path> actorAot = SpawnBench.existing(SpawnBench.aotDir().resolve("actor.aot"));
        System.out.printf(Locale.ROOT, "spawn variants: %d rounds; %s; AOT cache %s%n", SpawnBench.ROUNDS, variants,
                actorAot.map(Path::toString).orElse("none"));
        Map<String, List<Double>> all = new LinkedHashMap<>();
        ActorOptions base = ActorOptions.of().enable(SpawnBench.class).backendOption("classPath", cp);
        RootOptions root = RootOptions.of().transport("uds").registryAddress(CtxBench.registry("uds")).spawnBackend("process").logLevel("error");
        Tractor.openNursery(root, an -> {
            SpawnBench.ready(an, "warm-up", base);
            for (int r = 1; r <= SpawnBench.ROUNDS; r++) {
                SpawnBench.record(all, r, "bare-jvm", SpawnBench.bare(cp, Optional.empty()));
                for (var e : variants.entrySet()) {
                    ActorOptions o = base.jvmOptions(e.getValue().toArray(String[]::new));
                    SpawnBench.record(all, r, "cold-" + e.getKey(), SpawnBench.ready(an, "cold", o));
                    ActorOptions aot = actorAot.map(a -> o.backendOption("aotCache", a.toString())).orElse(o);
                    if (actorAot.isPresent()) SpawnBench.record(all, r, "aot-" + e.getKey(), SpawnBench.ready(an, "aot", aot));
                    if (!POOL) continue;
                    if (r == 1) { // the first spawn of a pool's shape starts cold and fills the pool
                        SpawnBench.ready(an, "pool-fill", aot.backendOption("warmPool", "1"));
                        Thread.sleep(SpawnBench.POOL_REFILL_PAUSE);
                    }
                    SpawnBench.record(all, r, "pool-" + e.getKey(), SpawnBench.ready(an, "pooled", aot.backendOption("warmPool", "1")));
                    Thread.sleep(SpawnBench.POOL_REFILL_PAUSE);
                }
            }
        });
        System.out.println();
        System.out.println("spawn-to-ready, median [min-max] over rounds; ratio = median of the per-round ratios to bare-jvm:");
        List<Double> bare = all.get("bare-jvm");
        for (var e : all.entrySet()) {
            List<Double> r = new ArrayList<>();
            for (int i = 0; i < Math.min(bare.size(), e.getValue().size()); i++) r.add(e.getValue().get(i) / bare.get(i));
            System.out.printf(Locale.ROOT, "  %-22s %s  %.2fx%n", e.getKey(), Stats.of(e.getValue()).fmt("ms"), Stats.of(r).p50());
        }
    }
}
