package tractor.runtime;

import java.util.List;
import java.util.Locale;

/**
 * How a child JVM gets its log level: SLF4J has no API to set one, so the process backend starts the
 * child with system properties its logging backend reads at start-up: {@code tractor.loglevel} (which
 * the child hands on to its own children) and {@code org.slf4j.simpleLogger.defaultLogLevel} for
 * slf4j-simple. Thread-backend children share their JVM's logging configuration: a level there is global.
 */
final class LogLevels {
    private LogLevels() {}

    static final String PROPERTY = "tractor.loglevel";

    static List<String> jvmOptions(String level) {
        if (level == null || level.isBlank()) return List.of();
        String l = level.toLowerCase(Locale.ROOT);
        return List.of("-D" + PROPERTY + "=" + l, "-Dorg.slf4j.simpleLogger.defaultLogLevel=" + l);
    }
}
