package tractor.bench;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the benchmarks in one JMH run (1 fork, 3 warm-ups and 3 measurements of 1 s each) and
 * prints, for each of ours, the ratio to its JDK baseline (time per operation, ours / baseline:
 * below 1 is faster than the baseline).
 *
 * <p>Arguments: {@code [selection [resultFile]]}; the selection {@code sc} (default) runs every
 * benchmark of this module, {@code ipc} runs {@link IpcBench} (JVM to JVM transports, not JMH), {@code ctx} runs
 * {@link CtxBench} (contexts and streams between two process actors, not JMH),
 * anything else is a JMH include regex.
 */
public final class Report {
    private Report() {}

    /** One comparison: our benchmark and its JDK baseline, as {@code Class.method}. */
    record Pair(String ours, String baseline) {}

    static final List<Pair> PAIRS = List.of(
            new Pair("TaskBench.nursery", "TaskBench.executorScope"),
            new Pair("TaskBench.nursery", "TaskBench.executorShared"),
            new Pair("ChannelBench.channel0", "ChannelBench.synchronousQueue"),
            new Pair("ChannelBench.channel64", "ChannelBench.arrayBlockingQueue64"));

    public static void main(String[] args) throws Exception {
        String selection = args.length > 0 ? args[0] : "sc";
        if (selection.equals("ipc")) { // whole-program JVM<->JVM transport benchmark, not JMH
            IpcBench.main(new String[0]);
            return;
        }
        if (selection.equals("spawn")) { // spawn-to-ready against a bare child JVM
            SpawnBench.main(new String[0]);
            System.exit(0);
        }
        if (selection.equals("spawn-thread")) { // thread actors only: under UDS, TCP and inproc roots, same run
            SpawnBench.threadOnly();
            System.exit(0);
        }
        if (selection.equals("teardown")) { // a 16-process tree cancelled until every process is reaped
            TeardownBench.main(new String[0]);
            System.exit(0);
        }
        if (selection.equals("quad")) { // tractor's quadruple example (scenario 73's time bound) against bare JVMs
            QuadBench.main(new String[0]);
            System.exit(0);
        }
        if (selection.equals("scale")) { // N thread actors with open contexts: heap, spawn rate, teardown
            ScaleBench.main(new String[0]);
            System.exit(0);
        }
        if (selection.equals("ctx")) { // contexts and streams between two process actors, against raw sockets
            CtxBench.main(new String[0]);
            System.exit(0);
        }
        boolean codec = selection.equals("codec");
        String include = selection.equals("sc") ? "tractor\\.bench\\.(TaskBench|ChannelBench)\\..*" : codec ? "tractor\\.bench\\.Codec.*" : selection;
        OptionsBuilder b = new OptionsBuilder();
        TimeValue iteration = codec ? TimeValue.milliseconds(500) : TimeValue.seconds(1); // codec: 22 benchmarks
        b.include(include).forks(1)
                .warmupIterations(3).warmupTime(iteration)
                .measurementIterations(3).measurementTime(iteration)
                .jvmArgsAppend("--sun-misc-unsafe-memory-access=allow");
        if (args.length > 1) b.resultFormat(ResultFormatType.JSON).result(args[1]);
        Options opts = b.build();
        Collection<RunResult> results = new Runner(opts).run();
        System.out.println();
        System.out.println(ratios(results));
        if (codec || selection.contains("CodecBench")) System.out.println(codecRatios(results));
    }

    /** Per msg type: encode and decode time, each against the raw msgpack-core baseline of the same run. */
    static String codecRatios(Collection<RunResult> results) {
        Map<String, Double> score = new LinkedHashMap<>();
        for (RunResult r : results) {
            String label = r.getParams().getBenchmark();
            String m = label.substring(label.lastIndexOf('.') + 1);
            String t = r.getParams().getParam("type");
            score.put(m.startsWith("raw") ? m : m + ":" + t, r.getPrimaryResult().getScore());
        }
        Double re = score.get("rawEncode"), rd = score.get("rawDecode");
        StringBuilder out = new StringBuilder(String.format("codec, ns/op (ratio to raw msgpack-core of a Yield-shaped map: encode %.1f ns, decode %.1f ns)%n", re, rd));
        for (String k : score.keySet()) {
            if (!k.startsWith("encode:")) continue;
            String t = k.substring(7);
            double e = score.get(k), d = score.getOrDefault("decode:" + t, Double.NaN);
            out.append(String.format("  %-10s encode %7.1f ns (%.1fx raw)   decode %7.1f ns (%.1fx raw)%n", t, e, e / re, d, d / rd));
        }
        return out.toString();
    }

    static String ratios(Collection<RunResult> results) {
        Map<String, RunResult> byName = new LinkedHashMap<>();
        for (RunResult r : results) {
            String label = r.getParams().getBenchmark();
            byName.put(label.substring(label.lastIndexOf('.', label.lastIndexOf('.') - 1) + 1), r);
        }
        StringBuilder out = new StringBuilder("ratios (ours / baseline, time per op; < 1 means ours is faster)\n");
        for (Pair p : PAIRS) {
            RunResult ours = byName.get(p.ours());
            RunResult base = byName.get(p.baseline());
            if (ours == null || base == null) continue;
            double o = ours.getPrimaryResult().getScore();
            double v = base.getPrimaryResult().getScore();
            String unit = ours.getPrimaryResult().getScoreUnit();
            out.append(String.format("  %-24s %10.3f %-6s vs %-34s %10.3f %-6s ratio %.2f%n",
                    p.ours(), o, unit, p.baseline(), v, unit, o / v));
        }
        return out.toString();
    }
}
