package tractor.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import tractor.testkit.Bounded;

@Bounded(seconds = 60)
class QuickClusterTest {
    @Test
    void oneSleepyJanePerCoreThenTheClusterIsKilled() throws Exception {
        List<String> lines = Output.of(QuickCluster::main);
        int cores = Runtime.getRuntime().availableProcessors();
        for (int i = 0; i < cores; i++) {
            String prefix = "[worker_" + i + "] Yo i am actor worker_" + i + "@";
            assertEquals(1, lines.stream().filter(l -> l.startsWith(prefix)).count(), "worker_" + i + " said who it is: " + lines);
        }
        assertEquals("cluster killed: kill the cluster", lines.getLast(), lines.toString());
        assertFalse(ProcessHandle.current().children().anyMatch(ProcessHandle::isAlive), "every worker process is reaped");
        assertTrue(lines.stream().noneMatch(l -> l.contains("worker_" + cores)), "no more workers than cores: " + lines);
    }
}
