package tractor.transport.spi;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceConfigurationError;
import org.junit.jupiter.api.Test;

/** Discovery survives broken providers, each reported in one line naming it. */
class TransportsTest {
    record Fake(String name) implements TransportProvider {
        @Override public Address parseAddress(String text) { throw new IllegalArgumentException(text); }
        @Override public Address anyAddress(String n, TransportOptions o) { throw new UnsupportedOperationException(); }
        @Override public Listener listen(Address a, TransportOptions o) { throw new UnsupportedOperationException(); }
        @Override public FrameChannel connect(Address a, TransportOptions o) { throw new UnsupportedOperationException(); }
    }

    @Test
    void brokenProvidersAreReportedInOneLineAndSkipped() {
        Iterator<TransportProvider> it = new Iterator<>() {
            int i;
            @Override public boolean hasNext() { return i < 3; }
            @Override public TransportProvider next() {
                return switch (i++) {
                    case 0 -> throw new ServiceConfigurationError("tractor.transport.spi.TransportProvider: Provider com.acme.Broken could not be instantiated",
                            new IllegalStateException("boom"));
                    case 1 -> new Fake("good");
                    default -> new Fake(null);
                };
            }
        };
        List<String> lines = new ArrayList<>();
        List<TransportProvider> found = Transports.load(it, lines::add);
        assertEquals(List.of(new Fake("good")), found);
        assertEquals(2, lines.size(), lines.toString());
        assertTrue(lines.get(0).contains("com.acme.Broken") && lines.get(0).contains("boom") && !lines.get(0).contains("\n"), lines.get(0));
    }

    @Test
    void unknownNamesAreRefusedListingTheKnownOnes() {
        var e = assertThrows(IllegalArgumentException.class, () -> Transports.get("carrier-pigeon"));
        assertTrue(e.getMessage().contains("\"carrier-pigeon\"") && e.getMessage().contains("known"), e.getMessage());
        var bad = assertThrows(IllegalArgumentException.class, () -> Address.parse("no-scheme"));
        assertTrue(bad.getMessage().contains("\"no-scheme\""), bad.getMessage());
    }

    @Test
    void optionsValidate() {
        assertEquals(16 * 1024 * 1024, TransportOptions.DEFAULTS.maxFrameSize());
        assertThrows(IllegalArgumentException.class, () -> TransportOptions.DEFAULTS.withMaxFrameSize(0));
    }
}
