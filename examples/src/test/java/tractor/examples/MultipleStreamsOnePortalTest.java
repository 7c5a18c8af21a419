package tractor.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import tractor.testkit.Bounded;

@Bounded(seconds = 60)
class MultipleStreamsOnePortalTest {
    @Test
    void twoIndependentStreamsThroughOnePortalEachGetEveryValue() throws Exception {
        List<String> lines = Output.of(MultipleStreamsOnePortal::main);
        // a child's lines are relayed through its stdout pipe: their order against the root's own is not fixed
        assertEquals(List.of("both streams consumed, left over: []"),
                lines.stream().filter(l -> !l.startsWith("[stream_boi] ")).toList(), lines.toString());
        assertEquals(List.of("[stream_boi] Starting stream task", "[stream_boi] Starting stream task"),
                lines.stream().filter(l -> l.startsWith("[stream_boi] ")).toList(), lines.toString());
    }
}
