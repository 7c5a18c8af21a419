package tractor.spawn.spi;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SpawnRequestTest {
    /** A request is logged by backends on failure; the shared secret in its environment must never show. */
    @Test
    void toStringNamesTheEnvironmentButHidesItsValues() {
        SpawnRequest r = new SpawnRequest("w", "u-1", new ChildEntry(null, "a.Main", args -> { }), List.of("x"),
                Map.of("TRACTOR_SECRET", "hunter2-very-secret"), List.of("-Xmx64m"), Map.of("host", "b"));
        String s = r.toString();
        assertFalse(s.contains("hunter2"), s);
        assertTrue(s.contains("TRACTOR_SECRET") && s.contains("-Xmx64m") && s.contains("host=b") && s.contains("u-1"), s);
    }
}
