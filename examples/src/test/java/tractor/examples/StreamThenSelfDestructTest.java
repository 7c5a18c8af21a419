package tractor.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tractor.testkit.Bounded;

/** The README's main example: every worker streams, then the tree self-destructs and no process survives. */
@Bounded(seconds = 60)
class StreamThenSelfDestructTest {
    private static final Pattern STREAMED = Pattern.compile("worker_(\\d+) \\(pid (\\d+)\\) streamed (\\d+)");

    @Test
    void everyWorkerStreamsThenTheTreeSelfDestructsAndNoProcessSurvives() throws Exception {
        List<String> lines = Output.of(StreamThenSelfDestruct::main);
        int cores = Runtime.getRuntime().availableProcessors();
        int destruct = lines.indexOf("Every worker has streamed " + StreamThenSelfDestruct.SENT_BEFORE_DESTRUCT
                + " values: this process tree self-destructs now...");
        assertTrue(destruct >= 0, lines.toString());

        List<Long> pids = new ArrayList<>();
        for (int w = 0; w < cores; w++) {
            List<Long> values = new ArrayList<>();
            Set<Long> workerPids = new HashSet<>();
            int sentLast = -1;
            for (int i = 0; i < lines.size(); i++) {
                Matcher m = STREAMED.matcher(lines.get(i));
                if (!m.matches() || Integer.parseInt(m.group(1)) != w) continue;
                workerPids.add(Long.parseLong(m.group(2)));
                values.add(Long.parseLong(m.group(3)));
                if (values.size() == StreamThenSelfDestruct.SENT_BEFORE_DESTRUCT) sentLast = i;
            }
            assertEquals(1, workerPids.size(), "worker_" + w + " streamed from one process: " + lines);
            assertTrue(values.size() >= StreamThenSelfDestruct.SENT_BEFORE_DESTRUCT, "worker_" + w + " streamed: " + lines);
            for (int k = 0; k < values.size(); k++) assertEquals(k, values.get(k), "worker_" + w + "'s values in order: " + values);
            assertTrue(sentLast < destruct, "the tree self-destructs only after every worker streamed: " + lines);
            pids.add(workerPids.iterator().next());
        }
        assertEquals(cores, pids.stream().distinct().count(), "one process per worker: " + pids);
        assertFalse(pids.contains(ProcessHandle.current().pid()));

        int contained = lines.indexOf("Zombies Contained");
        assertTrue(contained > destruct, lines.toString());
        String gone = lines.getLast();
        assertTrue(gone.startsWith("All " + cores + " child processes are gone ["), lines.toString());
        for (long pid : pids) {
            assertTrue(gone.contains(String.valueOf(pid)), "the example checked worker pid " + pid + ": " + gone);
            assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "pid " + pid + " is gone");
        }
    }
}
