package tractor.examples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import tractor.testkit.Bounded;

@Bounded(seconds = 20)
class NurseryDemoTest {

    @Test
    void oneFailsTheOthersAreCancelledAndTheFailureSurfaces() throws Exception {
        List<String> lines = Output.of(NurseryDemo::main).stream().map(l -> l.replaceFirst("^\\[ *\\d+ ms\\] ", "")).toList();
        int failed = lines.indexOf("doomed: failing now");
        assertTrue(failed > 0, lines.toString());
        for (int i = 1; i <= 3; i++) {
            int cancelled = lines.indexOf("sleeper-" + i + ": cancelled, cleaning up");
            assertTrue(cancelled > failed, "sleeper-" + i + " cancelled after the failure: " + lines);
        }
        String end = "main: nursery ended with java.lang.IllegalStateException: doomed task failed";
        assertTrue(lines.indexOf(end) > failed + 3, lines.toString());
        assertTrue(lines.getLast().endsWith("live tasks: []"), lines.toString());
    }
}
