package tractor.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import tractor.testkit.Bounded;

@Bounded(seconds = 60)
class NestedTreeTest {
    @Test
    void aCallGoesThroughAndTheGrandchildsErrorIsRelayedUp() throws Exception {
        List<String> lines = Output.of(NestedTree::main);
        assertTrue(lines.getFirst().matches("hello spawner, this is 'grandchild' in pid \\d+ \\(relayed by 'spawner'\\)"), lines.toString());
        long pid = Long.parseLong(lines.getFirst().replaceAll("\\D+", " ").trim());
        assertTrue(pid != ProcessHandle.current().pid());
        assertTrue(lines.contains("  inception:   true"), lines.toString());
        assertTrue(lines.contains("  boxed type:  tractor.RemoteActorError"), lines.toString());
        assertTrue(lines.contains("  source type: java.lang.NoSuchFieldException"), lines.toString());
        assertTrue(lines.contains("  source:      name_error"), lines.toString());
        assertEquals("  relay path:  [name_error, spawner]", lines.getLast(), lines.toString());
    }
}
