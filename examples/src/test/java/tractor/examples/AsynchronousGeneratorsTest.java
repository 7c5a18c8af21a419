package tractor.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tractor.testkit.Bounded;

@Bounded(seconds = 60)
class AsynchronousGeneratorsTest {
    @Test
    void fiftyOneValuesThenTheConsumerLeavesAndTheProducerIsCancelled() throws Exception {
        List<String> lines = Output.of(AsynchronousGenerators::main);
        List<String> expected = Stream.concat(
                Collections.nCopies(51, "I can see these little future bubble things").stream(),
                Stream.of("stream terminated")).toList();
        assertEquals(expected, lines, lines.toString());
    }
}
