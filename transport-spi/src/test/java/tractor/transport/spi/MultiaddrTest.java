package tractor.transport.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** tractor's tests/discovery/test_multiaddr.py (scenarios 214–233): the pure multiaddr functions. */
class MultiaddrTest {
    /** 214, 220: tcp → tcp, uds → unix, exactly two keys, and the exact inverse. */
    @Test
    void protocolMappings() {
        assertEquals(Map.of("tcp", "tcp", "uds", "unix"), Multiaddr.PROTOCOL_OF_TRANSPORT);
        assertEquals(List.of("tcp", "uds"), List.copyOf(Multiaddr.PROTOCOL_OF_TRANSPORT.keySet()));
        Map<String, String> inverse = new LinkedHashMap<>();
        Multiaddr.PROTOCOL_OF_TRANSPORT.forEach((k, v) -> inverse.put(v, k));
        assertEquals(inverse, Multiaddr.TRANSPORT_OF_PROTOCOL);
    }

    /** 215–217: the multiaddr of a TCP v4, v6 and a UDS address. */
    @Test
    void formats() {
        assertEquals("/ip4/127.0.0.1/tcp/1234", Multiaddr.of("tcp://127.0.0.1:1234"));
        assertEquals("/ip6/::1/tcp/5678", Multiaddr.of("tcp://[::1]:5678"));
        assertEquals("/unix/tmp/tractor_test/test.sock", Multiaddr.of("uds:///tmp/tractor_test/test.sock"));
        assertEquals("/dns/localhost/tcp/1616", Multiaddr.of("tcp://localhost:1616"));
    }

    /** 218: a transport without a multiaddr form is refused, naming it. */
    @Test
    void formatOfUnsupportedTransportFails() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Multiaddr.of("shm://seg0"));
        assertTrue(e.getMessage().contains("\"shm\"") && e.getMessage().contains("[tcp, uds]"), e.getMessage());
    }

    /** 219, 225: URI → multiaddr → URI is the identity, and multiaddr → URI → multiaddr too. */
    @ParameterizedTest
    @ValueSource(strings = {"tcp://127.0.0.1:1234", "tcp://[::1]:5678", "tcp://0.0.0.0:0", "tcp://localhost:1616",
            "uds:///tmp/tractor_test/test.sock"})
    void roundTrips(String uri) {
        String maddr = Multiaddr.of(uri);
        assertEquals(uri, Multiaddr.toUri(maddr));
        assertEquals(maddr, Multiaddr.of(Multiaddr.toUri(maddr)));
    }

    /** 221–223: parsing keeps the host, the port and the absolute socket path. */
    @Test
    void parses() {
        assertEquals("tcp://127.0.0.1:1234", Multiaddr.toUri("/ip4/127.0.0.1/tcp/1234"));
        assertEquals("tcp://[::1]:5678", Multiaddr.toUri("/ip6/::1/tcp/5678"));
        assertEquals("uds:///tmp/tractor_test/test.sock", Multiaddr.toUri("/unix/tmp/tractor_test/test.sock"));
    }

    /** 224: other protocol combinations and malformed parts are refused, quoting the text. */
    @ParameterizedTest
    @ValueSource(strings = {"/ip4/127.0.0.1/udp/1234", "/ip4/localhost/tcp/1", "/ip6/127.0.0.1/tcp/1",
            "/ip4/127.0.0.1/tcp/70000", "/ip4/127.0.0.1/tcp/x", "/ip4/127.0.0.1", "/unix", "/unix/", "tcp://127.0.0.1:1"})
    void refusesUnsupported(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Multiaddr.toUri(text));
        assertTrue(e.getMessage().contains("\"" + text + "\""), e.getMessage());
    }

    /** Only multiaddrs are translated by normalize; URIs pass through. */
    @Test
    void normalizes() {
        assertEquals("tcp://127.0.0.1:9999", Multiaddr.normalize("/ip4/127.0.0.1/tcp/9999"));
        assertEquals("tcp://127.0.0.1:9999", Multiaddr.normalize("tcp://127.0.0.1:9999"));
    }

    /** 227: a table of multiaddrs, a 0.0.0.0 host included. */
    @Test
    void endpointsTcpOnly() {
        assertEquals(Map.of("registrar", List.of("tcp://0.0.0.0:1616", "tcp://127.0.0.1:2000")),
                Multiaddr.parseEndpoints(Map.of("registrar", List.of("/ip4/0.0.0.0/tcp/1616", "/ip4/127.0.0.1/tcp/2000"))));
    }

    /** 228–230: TCP and UDS per name in order; tuples, URIs and multiaddrs mixed. */
    @Test
    void endpointsMixed() {
        Map<String, List<?>> table = new LinkedHashMap<>();
        table.put("a", List.of("/ip4/127.0.0.1/tcp/1", "/unix/tmp/t/a.sock"));
        table.put("b", List.of(List.of("127.0.0.1", 2), List.of("/tmp/t", "b.sock")));
        table.put("c", List.of("uds:///tmp/t/c.sock", List.of("::1", 3)));
        Map<String, List<String>> out = Multiaddr.parseEndpoints(table);
        assertEquals(List.of("a", "b", "c"), List.copyOf(out.keySet()));
        assertEquals(List.of("tcp://127.0.0.1:1", "uds:///tmp/t/a.sock"), out.get("a"));
        assertEquals(List.of("tcp://127.0.0.1:2", "uds:///tmp/t/b.sock"), out.get("b"));
        assertEquals(List.of("uds:///tmp/t/c.sock", "tcp://[::1]:3"), out.get("c"));
    }

    /** 231: an unsupported protocol in the table names the actor. */
    @Test
    void endpointsUnsupported() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Multiaddr.parseEndpoints(Map.of("x", List.of("/ip4/127.0.0.1/udp/1"))));
        assertTrue(e.getMessage().contains("\"x\"") && e.getMessage().contains("/udp/"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Multiaddr.parseEndpoints(Map.of("y", List.of(42))));
    }

    /** 232–233: an empty table, and a name without addresses, are kept. */
    @Test
    void endpointsEmpty() {
        assertEquals(Map.of(), Multiaddr.parseEndpoints(Map.of()));
        assertEquals(Map.of("x", List.of()), Multiaddr.parseEndpoints(Map.of("x", List.of())));
    }

    /** Address.parse names a bad multiaddr too (no transport providers are needed to refuse it). */
    @Test
    void addressParseRefusesBadMultiaddr() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Address.parse("/ip4/1.2.3.4/udp/1"));
        assertTrue(e.getMessage().contains("/ip4/1.2.3.4/udp/1"), e.getMessage());
    }
}
