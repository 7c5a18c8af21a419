package tractor.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tractor.testkit.Bounded;

@Bounded(seconds = 60)
class WeAreProcessesTest {
    @Test
    void oneProcessPerCoreThenSelfDestructWithZombiesContained() throws Exception {
        List<String> lines = Output.of(WeAreProcesses::main);
        int cores = Runtime.getRuntime().availableProcessors();

        List<Long> pids = new ArrayList<>();
        for (int w = 0; w < cores; w++) {
            int i = w;
            Pattern yo = Pattern.compile("\\[worker_" + i + "\\] Yo, i'm 'worker_" + i + "' running in pid (\\d+)");
            Matcher m = lines.stream().map(yo::matcher).filter(Matcher::matches).findFirst()
                    .orElseThrow(() -> new AssertionError("worker_" + i + " said who it is: " + lines));
            pids.add(Long.parseLong(m.group(1)));
        }
        assertEquals(cores, pids.stream().distinct().count(), "one process per core: " + pids);
        assertFalse(pids.contains(ProcessHandle.current().pid()));

        int destruct = lines.indexOf("This process tree will self-destruct in 1 sec...");
        int contained = lines.indexOf("Zombies Contained");
        assertTrue(destruct >= 0 && contained > destruct, lines.toString());
        String gone = lines.getLast();
        assertTrue(gone.startsWith("All " + cores + " child processes are gone ["), lines.toString());
        for (long pid : pids) {
            assertTrue(gone.contains(String.valueOf(pid)), "the example checked worker pid " + pid + ": " + gone);
            assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "pid " + pid + " is gone");
        }
    }
}
