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
        assertEquals(List.of(
                "[stream_boi] Starting stream task",
                "[stream_boi] Starting stream task",
                "both streams consumed, left over: []"), lines, lines.toString());
    }
}
