package tractor.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Medians and percentiles of repeated measurements, and their one-line rendering. */
record Stats(double p50, double min, double max, double p99, int n) {
    static Stats of(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).filter(d -> !Double.isNaN(d)).sorted().toArray();
        if (v.length == 0) return new Stats(Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0);
        return new Stats(v[v.length / 2], v[0], v[v.length - 1], v[Math.min(v.length - 1, (int) (v.length * 0.99))], v.length);
    }

    static Stats ofNanos(long[] nanos) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        return new Stats(s[s.length / 2] / 1e3, s[0] / 1e3, s[s.length - 1] / 1e3, s[(int) (s.length * 0.99)] / 1e3, s.length);
    }

    /** {@code median [min-max]} with a unit. */
    String fmt(String unit) {
        return String.format(Locale.ROOT, "%8.1f %s [%.1f-%.1f] (n=%d)", p50, unit, min, max, n);
    }
}
