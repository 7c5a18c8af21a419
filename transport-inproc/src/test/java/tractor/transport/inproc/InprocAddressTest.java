package tractor.transport.inproc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import tractor.transport.spi.Address;
import tractor.transport.spi.TransportOptions;
import tractor.transport.spi.Transports;

class InprocAddressTest {
    @Test
    void parsesAndPrintsItsTextForm() {
        InprocAddress a = InprocAddress.parse("inproc://registry@1616");
        assertEquals("registry@1616", a.name());
        assertEquals("inproc", a.transport());
        assertEquals("inproc://registry@1616", a.toString());
        assertEquals(a, InprocAddress.parse(a.toString()));
    }

    @Test
    void theServiceLoaderFindsTheTransportByScheme() {
        assertInstanceOf(InprocTransport.class, Transports.get("inproc"));
        assertEquals(new InprocAddress("x"), Address.parse("inproc://x"));
    }

    @Test
    void rejectsTextOfAnotherFormQuotingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> InprocAddress.parse("uds:///tmp/x.sock"));
        assertTrue(e.getMessage().contains("\"uds:///tmp/x.sock\""), e.getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> InprocAddress.parse("inproc://")).getMessage().contains("empty"));
        assertThrows(IllegalArgumentException.class, () -> InprocAddress.parse("inproc://a b"));
        assertThrows(IllegalArgumentException.class, () -> new InprocTransport().listen(Address.parse("tcp://127.0.0.1:1"), TransportOptions.DEFAULTS));
    }

    @Test
    void anyAddressIsFreshEachTimeAndKeepsTheLabel() {
        InprocTransport t = new InprocTransport();
        InprocAddress a = t.anyAddress("worker 1", TransportOptions.DEFAULTS);
        InprocAddress b = t.anyAddress("worker 1", TransportOptions.DEFAULTS);
        assertNotEquals(a, b);
        assertTrue(a.name().startsWith("worker_1@"), a.name());
    }
}
