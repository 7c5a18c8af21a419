package tractor.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * tractor's log levels and how a child gets one. tractor's levels (with its numbers) are
 * {@code transport} 5, {@code trace} 5, {@code debug} 10, {@code runtime} 15, {@code devx} 17,
 * {@code info} 20, {@code io} 21, {@code cancel} 22, {@code warning}/{@code warn} 30, {@code error} 40,
 * {@code critical} 50, {@code pdb} 500; each maps to the nearest SLF4J level at or below it.
 *
 * <p>SLF4J has no API to set a level, so a child JVM gets system properties its logging backend reads at
 * start-up: {@code tractor.loglevel} (the tractor level, which the child hands on to its own children
 * and its runtime filters by), {@code tractor.slf4jlevel} (the SLF4J level, for a backend's
 * configuration) and {@code org.slf4j.simpleLogger.defaultLogLevel} for slf4j-simple. A thread-backend
 * child gets its level as an argument: the runtime filters tractor's own log lines by it, while the
 * backend's configuration stays the JVM's.
 */
final class LogLevels {
    private LogLevels() {}

    static final String PROPERTY = "tractor.loglevel";
    static final String SLF4J_PROPERTY = "tractor.slf4jlevel";

    /** The numeric value of a tractor level name; {@code Integer.MIN_VALUE} (everything) for null. */
    static int value(String level) {
        if (level == null || level.isBlank()) return Integer.MIN_VALUE;
        return switch (level.toLowerCase(Locale.ROOT)) {
            case "transport", "trace" -> 5;
            case "debug" -> 10;
            case "runtime" -> 15;
            case "devx" -> 17;
            case "info" -> 20;
            case "io" -> 21;
            case "cancel" -> 22;
            case "warning", "warn" -> 30;
            case "error" -> 40;
            case "critical" -> 50;
            case "pdb" -> 500;
            default -> throw new IllegalArgumentException("unknown log level \"" + level
                    + "\" (known: transport, trace, debug, runtime, devx, info, io, cancel, warning, error, critical, pdb)");
        };
    }

    /** The SLF4J level name a tractor level maps to. */
    static String slf4j(String level) {
        int v = value(level);
        if (v < 10) return "trace";
        if (v < 20) return "debug";
        if (v < 30) return "info";
        if (v < 40) return "warn";
        return "error";
    }

    static List<String> jvmOptions(String level) {
        if (level == null || level.isBlank()) return List.of();
        String l = level.toLowerCase(Locale.ROOT);
        String s = slf4j(l);
        List<String> out = new ArrayList<>();
        out.add("-D" + PROPERTY + "=" + l);
        out.add("-D" + SLF4J_PROPERTY + "=" + s);
        out.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=" + s);
        return out;
    }
}
