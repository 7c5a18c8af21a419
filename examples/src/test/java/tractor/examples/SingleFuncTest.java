package tractor.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import tractor.testkit.Bounded;

@Bounded(seconds = 60)
class SingleFuncTest {
    @Test
    void theFunctionRunsInAChildProcessWhosePidComesBack() throws Exception {
        List<String> lines = Output.of(SingleFunc::main);
        assertEquals(1, lines.size(), lines.toString());
        assertTrue(lines.getFirst().matches("Collected subproc \\d+"), lines.toString());
        long pid = Long.parseLong(lines.getFirst().substring("Collected subproc ".length()));
        assertNotEquals(ProcessHandle.current().pid(), pid, "the function ran in another process");
        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "the child was reaped");
    }
}
