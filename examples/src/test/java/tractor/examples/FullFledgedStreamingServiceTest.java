package tractor.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tractor.testkit.Bounded;

@Bounded(seconds = 90)
class FullFledgedStreamingServiceTest {
    @Test
    void fourActorsTwoFannedInStreamsOneDedupedFeedInOrder() throws Exception {
        List<String> lines = Output.of(FullFledgedStreamingService::main);
        // a child's lines are relayed through its stdout pipe: their order against the root's own is not fixed
        List<String> root = lines.stream().filter(l -> !l.startsWith("[aggregator] ")).toList();
        List<String> aggregator = lines.stream().filter(l -> l.startsWith("[aggregator] ")).toList();
        assertEquals(3, root.size(), lines.toString());
        assertTrue(root.get(0).matches("STREAM TIME = \\d+\\.\\d{3}"), lines.toString());
        assertTrue(root.get(1).matches("STREAM \\+ SPAWN TIME = \\d+\\.\\d{3}"), lines.toString());
        assertEquals("received 1000 values: 0..999 in order", root.get(2), lines.toString());
        assertEquals(5, aggregator.size(), lines.toString());
        // a pusher prints after closing its send side, and the feed ends once the last one is closed: the
        // three FINISHED lines come in any order (as in tractor), but all of them before the nursery is cancelled
        assertEquals(Set.of(
                "[aggregator] FINISHED ITERATING streamer_1",
                "[aggregator] FINISHED ITERATING streamer_2",
                "[aggregator] FINISHED ITERATING in aggregator"), Set.copyOf(aggregator.subList(0, 3)), lines.toString());
        assertEquals(List.of(
                "[aggregator] WAITING on `ActorNursery` to finish",
                "[aggregator] AGGREGATOR COMPLETE!"), aggregator.subList(3, 5), lines.toString());
    }

    @Test
    void theRootReceivesExactlyZeroToSeedInOrder() throws Exception {
        List<Object> got = FullFledgedStreamingService.run();
        assertEquals(1000, got.size());
        for (int i = 0; i < 1000; i++) assertEquals((long) i, got.get(i));
    }
}
