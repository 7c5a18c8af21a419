package tractor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tractor.ActorOptions;
import tractor.Portal;
import tractor.RootOptions;
import tractor.Tractor;
import tractor.testkit.Bounded;

/**
 * The tool against a real running tree: a root in this JVM with thread-backend children, the tool
 * started as a JVM of its own (one root actor per program) pointed at the root's registry.
 */
@Bounded(seconds = 90)
class TractorCliTest {
    private record Run(int code, String out, String err) {}

    private static Run cli(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElseThrow(),
                "--sun-misc-unsafe-memory-access=allow", "-cp", System.getProperty("java.class.path"), TractorCli.class.getName()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
            throw new AssertionError("the tool did not exit: " + cmd);
        }
        return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }

    private static RootOptions root() {
        return RootOptions.of().name("cli_root").spawnBackend("thread").registryAddress("tcp://127.0.0.1:0");
    }

    @Test
    void psListsTheTreeAndDumpShowsAnActor() throws Exception {
        Tractor.openNursery(root(), an -> {
            Portal a = an.startActor("worker_a", ActorOptions.of());
            Portal b = an.startActor("worker_b", ActorOptions.of());
            String reg = Tractor.currentActor().registryAddress();
            assertFalse(reg.endsWith(":0"), reg);

            Run ps = cli("ps", "--registry", reg);
            assertEquals(0, ps.code(), ps.toString());
            List<String> lines = ps.out().lines().toList();
            assertTrue(lines.getFirst().startsWith("NAME"), ps.out());
            assertTrue(lines.stream().anyMatch(l -> l.startsWith("cli_root ") && l.contains(Tractor.currentActor().uid().uuid())), ps.out());
            assertTrue(lines.stream().anyMatch(l -> l.startsWith("worker_a ") && l.contains(a.peer().uuid())), ps.out());
            assertTrue(lines.stream().anyMatch(l -> l.startsWith("worker_b ") && l.contains(b.peer().uuid())), ps.out());
            assertFalse(ps.out().contains("tractor-cli"), "the tool lists the tree, not itself: " + ps.out());

            Run dump = cli("dump", "cli_root", "--registry", reg);
            assertEquals(0, dump.code(), dump.toString());
            assertTrue(dump.out().startsWith("actor cli_root [" + Tractor.currentActor().uid().uuid() + "]"), dump.out());
            assertTrue(dump.out().contains("\n  child worker_a ("), dump.out());
            assertTrue(dump.out().contains("\n    actor worker_b [" + b.peer().uuid() + "]"), dump.out());

            Run missing = cli("dump", "nobody", "--registry", reg);
            assertEquals(TractorCli.NOT_FOUND, missing.code(), missing.toString());
            assertTrue(missing.err().contains("no actor named \"nobody\" is registered at " + reg), missing.err());
            an.cancel();
        });
    }

    @Test
    void cancelEndsADaemonByName() throws Exception {
        Tractor.openNursery(root(), an -> {
            String reg = Tractor.currentActor().registryAddress();
            Portal victim = an.startActor("victim", ActorOptions.of());
            Run cancel = cli("cancel", "victim", "--registry", reg);
            assertEquals(0, cancel.code(), cancel.toString());
            assertEquals("cancelled victim [" + victim.peer().uuid() + "]", cancel.out().strip());
            // nothing else ends the daemon: the nursery's block returns only because the tool cancelled it
        });
    }

    @Test
    void aRegistryWithoutRegistrarIsReported() throws Exception {
        try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
            String reg = "tcp://127.0.0.1:" + free.getLocalPort();
            free.close();
            Run ps = cli("ps", "--registry", reg);
            assertEquals(TractorCli.NOT_FOUND, ps.code(), ps.toString());
            assertTrue(ps.err().contains("no tractor registrar answers at " + reg), ps.err());
        }
    }

    @Test
    void aMissingCommandIsAUsageError() throws Exception {
        Run none = cli();
        assertEquals(2, none.code(), none.toString());
        assertTrue(none.err().contains("missing command: ps, dump or cancel"), none.err());
    }
}
