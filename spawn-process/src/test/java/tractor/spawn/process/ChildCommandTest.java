package tractor.spawn.process;

import static org.junit.jupiter.api.Assertions.*;

import java.io.File;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tractor.spawn.spi.ChildEntry;
import tractor.spawn.spi.SpawnRequest;

/** The child's command line in both modes. */
class ChildCommandTest {
    private static final String SPI = locationOf(SpawnRequest.class);

    private static String locationOf(Class<?> c) {
        try {
            return new File(c.getProtectionDomain().getCodeSource().getLocation().toURI()).getPath();
        } catch (java.net.URISyntaxException e) {
            throw new AssertionError(e);
        }
    }

    private static SpawnRequest request(String module, String main) {
        return new SpawnRequest("a", "u", new ChildEntry(module, main, null), List.of("x", "y"), Map.of(), List.of("-Xmx64m"), Map.of());
    }

    @Test
    void moduleModeWhenTheEntrysModuleIsOnTheModulePath() {
        List<String> cmd = new ChildCommand("/j/bin/java", SPI, "/cp/one").build(request("tractor.spawn.spi", "tractor.spawn.spi.Main"));
        assertEquals("/j/bin/java", cmd.getFirst());
        assertEquals(ChildCommand.JVM_OPTIONS, cmd.subList(1, 1 + ChildCommand.JVM_OPTIONS.size()));
        assertTrue(cmd.contains("-Xmx64m"));
        int mp = cmd.indexOf("--module-path");
        assertEquals(SPI, cmd.get(mp + 1));
        assertTrue(cmd.get(cmd.indexOf("--add-modules") + 1).contains("tractor.spawn.spi"));
        assertEquals("/cp/one", cmd.get(cmd.indexOf("-cp") + 1));
        assertEquals(List.of("--module", "tractor.spawn.spi/tractor.spawn.spi.Main", "x", "y"), cmd.subList(cmd.size() - 4, cmd.size()));
    }

    @Test
    void classPathModeOtherwiseWithTheModulePathFirst() {
        List<String> cmd = new ChildCommand("/j/bin/java", SPI, "/cp/one" + File.pathSeparator + SPI).build(request("no.such.module", "p.Main"));
        assertFalse(cmd.contains("--module-path"));
        assertEquals(SPI + File.pathSeparator + "/cp/one", cmd.get(cmd.indexOf("-cp") + 1));
        assertEquals(List.of("p.Main", "x", "y"), cmd.subList(cmd.size() - 3, cmd.size()));
        assertFalse(new ChildCommand("/j", "", "/cp").build(request("tractor.spawn.spi", "p.Main")).contains("--module"));
    }

    @Test
    void theClassPathOptionForcesClassPathMode() {
        List<String> cmd = new ChildCommand("/j", SPI, "").build(request("tractor.spawn.spi", "p.Main").withOption("classPath", "/mine"));
        assertFalse(cmd.contains("--module-path"));
        assertEquals("/mine", cmd.get(cmd.indexOf("-cp") + 1));
    }

    @Test
    void theDefaultsComeFromThisJvm() {
        assertEquals(ProcessHandle.current().info().command().orElseThrow(), ChildCommand.currentJava());
        assertFalse(ChildCommand.effectiveClassPath().contains("surefirebooter"), ChildCommand.effectiveClassPath());
    }
}
