package tractor.examples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import tractor.testkit.Bounded;

@Bounded(seconds = 20)
class NurseryDemoTest {

    static List<String> runMain(Main main) throws Exception {
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            main.run(new String[0]);
        } finally {
            System.setOut(old);
        }
        String out = buf.toString(StandardCharsets.UTF_8);
        old.print(out);
        return out.lines().map(l -> l.replaceFirst("^\\[ *\\d+ ms\\] ", "")).toList();
    }

    interface Main {
        void run(String[] args) throws Exception;
    }

    @Test
    void oneFailsTheOthersAreCancelledAndTheFailureSurfaces() throws Exception {
        List<String> lines = runMain(NurseryDemo::main);
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
