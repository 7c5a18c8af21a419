package tractor.runtime;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The runtime's logging: SLF4J, each line prefixed with the actor. */
final class Log {
    private Log() {}

    private static final Logger LOG = LoggerFactory.getLogger("tractor.runtime");

    static void debug(Object actor, String msg) {
        if (LOG.isDebugEnabled()) LOG.debug("[{}] {}", actor, msg);
    }

    static void info(Object actor, String msg) {
        LOG.info("[{}] {}", actor, msg);
    }

    static void warn(Object actor, String msg) {
        LOG.warn("[{}] {}", actor, msg);
    }
}
