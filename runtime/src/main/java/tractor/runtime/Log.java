package tractor.runtime;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.slf4j.MarkerFactory;
import org.slf4j.event.Level;

/**
 * The runtime's logging: SLF4J, each line prefixed with the actor, filtered by the actor's own level
 * (see {@link LogLevels}). tractor's log channels are loggers and markers:
 *
 * <table class="striped">
 * <caption>tractor's levels in SLF4J</caption>
 * <tr><th>tractor</th><th>logger</th><th>SLF4J level</th><th>marker</th></tr>
 * <tr><td>transport (5)</td><td>tractor.transport</td><td>TRACE</td><td>TRANSPORT</td></tr>
 * <tr><td>debug (10)</td><td>tractor.runtime</td><td>DEBUG</td><td>-</td></tr>
 * <tr><td>runtime (15)</td><td>tractor.runtime</td><td>DEBUG</td><td>RUNTIME</td></tr>
 * <tr><td>info (20)</td><td>tractor.runtime</td><td>INFO</td><td>-</td></tr>
 * <tr><td>cancel (22)</td><td>tractor.cancel</td><td>INFO</td><td>CANCEL</td></tr>
 * <tr><td>warning (30)</td><td>tractor.runtime</td><td>WARN</td><td>-</td></tr>
 * </table>
 */
final class Log {
    private Log() {}

    /** One of tractor's log channels. */
    enum Chan {
        TRANSPORT(5, "tractor.transport", Level.TRACE, "TRANSPORT"),
        DEBUG(10, "tractor.runtime", Level.DEBUG, null),
        RUNTIME(15, "tractor.runtime", Level.DEBUG, "RUNTIME"),
        INFO(20, "tractor.runtime", Level.INFO, null),
        CANCEL(22, "tractor.cancel", Level.INFO, "CANCEL"),
        WARN(30, "tractor.runtime", Level.WARN, null);

        final int value;
        final Logger logger;
        final Level level;
        final Marker marker;

        Chan(int value, String logger, Level level, String marker) {
            this.value = value;
            this.logger = LoggerFactory.getLogger(logger);
            this.level = level;
            this.marker = marker == null ? null : MarkerFactory.getMarker(marker);
        }
    }

    static void debug(Object actor, String msg) {
        log(Chan.DEBUG, actor, msg);
    }

    static void runtime(Object actor, String msg) {
        log(Chan.RUNTIME, actor, msg);
    }

    static void info(Object actor, String msg) {
        log(Chan.INFO, actor, msg);
    }

    static void cancel(Object actor, String msg) {
        log(Chan.CANCEL, actor, msg);
    }

    static void transport(Object actor, String msg) {
        log(Chan.TRANSPORT, actor, msg);
    }

    static void warn(Object actor, String msg) {
        log(Chan.WARN, actor, msg);
    }

    static boolean enabled(Chan c, Object actor) {
        if (!c.logger.isEnabledForLevel(c.level)) return false;
        ActorRuntime rt = actor instanceof ActorRuntime r ? r : ActorRuntime.CURRENT.get();
        return rt == null || c.value >= rt.logThreshold();
    }

    static void log(Chan c, Object actor, String msg) {
        if (!enabled(c, actor)) return;
        var event = c.logger.atLevel(c.level);
        if (c.marker != null) event = event.addMarker(c.marker);
        event.log("[{}] {}", actor, msg);
    }
}
