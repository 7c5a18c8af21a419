package tractor.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import tractor.testkit.Bounded;

@Bounded(seconds = 60)
class ServiceDiscoveryTest {
    @Test
    void theRegistrarFindsTheServiceByName() throws Exception {
        List<String> lines = Output.of(ServiceDiscovery::main);
        assertEquals(2, lines.size(), lines.toString());
        assertTrue(lines.get(0).matches("Registrar 'root' is listening on tcp://127\\.0\\.0\\.1:\\d+"), lines.toString());
        assertTrue(lines.get(1).matches("some_actor_name is found at tcp://127\\.0\\.0\\.1:\\d+"), lines.toString());
        String registry = lines.get(0).substring(lines.get(0).lastIndexOf(' ') + 1);
        String service = lines.get(1).substring(lines.get(1).lastIndexOf(' ') + 1);
        assertTrue(!registry.equals(service), "the service listens on an address of its own: " + lines);
    }
}
