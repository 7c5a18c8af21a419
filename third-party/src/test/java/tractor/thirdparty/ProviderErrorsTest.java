package tractor.thirdparty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import tractor.testkit.Bounded;
import tractor.transport.spi.Transports;

/**
 * Broken transport providers on the class path (this module's test {@code META-INF/services}): a failing
 * constructor, a missing class, a duplicated name. Each is reported in one line naming the provider and
 * skipped; the working ones are still found. Runs in its own JVM (the {@code errors-test} execution), since
 * {@link Transports} reads the providers once per JVM.
 */
@Bounded(seconds = 30)
class ProviderErrorsTest {
    @Test
    void brokenTransportProvidersAreReportedInOneLineAndSkipped() {
        List<String> lines = new CopyOnWriteArrayList<>();
        Logger log = Logger.getLogger(Transports.class.getName());
        Handler h = new Handler() {
            @Override public void publish(LogRecord r) { lines.add(r.getMessage()); }
            @Override public void flush() {}
            @Override public void close() {}
        };
        log.addHandler(h);
        try {
            assertTrue(Transports.names().containsAll(List.of("tcp", "mem")), Transports.names().toString());
        } finally {
            log.removeHandler(h);
        }
        assertEquals(3, lines.size(), lines.toString());
        for (String l : lines) assertFalse(l.contains("\n"), "one line: " + l);
        assertTrue(lines.stream().anyMatch(l -> l.contains("BrokenTransport") && l.contains("missing native library")), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.contains("no.such.TransportProvider")), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.contains("name \"mem\" is already taken by")), lines.toString());
    }
}
