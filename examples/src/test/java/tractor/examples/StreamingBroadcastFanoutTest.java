package tractor.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import tractor.testkit.Bounded;

@Bounded(seconds = 60)
class StreamingBroadcastFanoutTest {
    @Test
    void everySubscriberGetsItsOwnFullCopyOfTheOneStream() throws Exception {
        List<String> lines = Output.of(StreamingBroadcastFanout::main);
        assertEquals("first: 5", lines.getFirst(), lines.toString());
        for (int s = 0; s < 3; s++) {
            String name = "sub_" + s;
            List<String> mine = lines.stream().filter(l -> l.startsWith(name + ": ")).toList();
            assertEquals(List.of(name + ": rx 0", name + ": rx 1", name + ": rx 2", name + ": rx 3", name + ": rx 4",
                    name + ": stream ended, got [0, 1, 2, 3, 4]"), mine, lines.toString());
        }
        assertEquals(1 + 3 * 6, lines.size(), lines.toString());
        assertTrue(lines.getLast().endsWith("stream ended, got [0, 1, 2, 3, 4]"), lines.toString());
    }
}
