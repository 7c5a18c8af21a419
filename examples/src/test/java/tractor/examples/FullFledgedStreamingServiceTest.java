package tractor.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import tractor.testkit.Bounded;

@Bounded(seconds = 90)
class FullFledgedStreamingServiceTest {
    @Test
    void fourActorsTwoFannedInStreamsOneDedupedFeedInOrder() throws Exception {
        List<String> lines = Output.of(FullFledgedStreamingService::main);
        assertEquals("received 1000 values: 0..999 in order", lines.getLast(), lines.toString());
        assertTrue(lines.contains("[aggregator] FINISHED ITERATING streamer_1"), lines.toString());
        assertTrue(lines.contains("[aggregator] FINISHED ITERATING streamer_2"), lines.toString());
        List<String> tail = List.of(
                "[aggregator] FINISHED ITERATING in aggregator",
                "[aggregator] WAITING on `ActorNursery` to finish",
                "[aggregator] AGGREGATOR COMPLETE!");
        int at = lines.indexOf(tail.getFirst());
        assertTrue(at >= 2, lines.toString());
        assertEquals(tail, lines.subList(at, at + 3), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.matches("STREAM TIME = \\d+\\.\\d{3}")), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.matches("STREAM \\+ SPAWN TIME = \\d+\\.\\d{3}")), lines.toString());
    }

    @Test
    void theRootReceivesExactlyZeroToSeedInOrder() throws Exception {
        List<Object> got = FullFledgedStreamingService.run();
        assertEquals(1000, got.size());
        for (int i = 0; i < 1000; i++) assertEquals((long) i, got.get(i));
    }
}
