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

    @Test
    void anAotCacheThatExistsReplacesTheDefaultCdsArchive(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path aot = java.nio.file.Files.writeString(dir.resolve("child.aot"), "not really a cache");
        List<String> cmd = new ChildCommand("/j", "", "/cp").build(request(null, "p.Main").withOption(AotCache.OPTION, aot.toString()));
        assertTrue(cmd.contains("-XX:AOTCache=" + aot.toAbsolutePath()), cmd.toString());
        assertFalse(cmd.contains("-Xshare:auto"), "-Xshare and AOTCache exclude each other: " + cmd);
        assertTrue(cmd.contains("-Xlog:aot*=off"), cmd.toString());
    }

    @Test
    void aMissingOrDisabledAotCacheIsSkippedSilently() {
        for (String v : List.of("/no/such/child.aot", "off", "")) {
            List<String> cmd = new ChildCommand("/j", "", "/cp").build(request(null, "p.Main").withOption(AotCache.OPTION, v));
            assertEquals(ChildCommand.JVM_OPTIONS, cmd.subList(1, 1 + ChildCommand.JVM_OPTIONS.size()), v);
            assertTrue(cmd.stream().noneMatch(a -> a.startsWith("-XX:AOTCache")), cmd.toString());
        }
    }

    @Test
    void aPooledCommandStartsPoolMainWithTheEntryAndNoArguments() {
        List<String> cp = new ChildCommand("/j", "", "/cp").buildPooled(request(null, "p.Main"));
        assertEquals(List.of(PoolMain.class.getName(), "-", "p.Main"), cp.subList(cp.size() - 3, cp.size()));
        String self = ChildCommand.class.getModule().getName();
        List<String> mp = new ChildCommand("/j", SPI, "").buildPooled(request("tractor.spawn.spi", "tractor.spawn.spi.Main"));
        if (self == null) return; // class-path run: module mode has no module to start PoolMain from
        assertEquals(List.of("--add-exports", "tractor.spawn.spi/tractor.spawn.spi=" + self, "--module", self + "/" + PoolMain.class.getName(),
                "tractor.spawn.spi", "tractor.spawn.spi.Main"), mp.subList(mp.size() - 6, mp.size()));
        assertTrue(mp.get(mp.indexOf("--add-modules") + 1).contains(self), mp.toString());
    }

    @Test
    void aPooledJvmCompilesWithC2UnlessTheRequestSaysOtherwiseAndAColdStartKeepsC1() {
        ChildCommand command = new ChildCommand("/j", "", "/cp");
        List<String> pooled = command.buildPooled(request(null, "p.Main"));
        assertEquals(ChildCommand.JVM_OPTIONS, pooled.subList(1, 1 + ChildCommand.JVM_OPTIONS.size()));
        assertEquals(List.of("-XX:TieredStopAtLevel=4", "-Xmx64m"), pooled.subList(1 + ChildCommand.JVM_OPTIONS.size(), 3 + ChildCommand.JVM_OPTIONS.size()),
                "full tiered compilation after our C1-only default (the later flag wins), before the request's options: " + pooled);
        assertEquals("-XX:TieredStopAtLevel=1", lastTieredFlag(command.build(request(null, "p.Main"))), "a cold start keeps C1 only");
        SpawnRequest c1 = new SpawnRequest("a", "u", new ChildEntry(null, "p.Main", null), List.of(), Map.of(), List.of("-XX:TieredStopAtLevel=1"), Map.of());
        assertEquals("-XX:TieredStopAtLevel=1", lastTieredFlag(command.buildPooled(c1)), "the request's own flag wins");
    }

    private static String lastTieredFlag(List<String> cmd) {
        return cmd.stream().filter(a -> a.startsWith("-XX:TieredStopAtLevel=")).reduce((a, b) -> b).orElseThrow();
    }

    @Test
    void aRequestThatSetsClassSharingItselfGetsNoneOfOurs(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path aot = java.nio.file.Files.writeString(dir.resolve("child.aot"), "x");
        SpawnRequest r = new SpawnRequest("a", "u", new ChildEntry(null, "p.Main", null), List.of(), Map.of(),
                List.of("-XX:AOTCacheOutput=/tmp/train.aot"), Map.of(AotCache.OPTION, aot.toString()));
        List<String> cmd = new ChildCommand("/j", "", "/cp").build(r);
        assertFalse(cmd.contains("-Xshare:auto"), cmd.toString());
        assertTrue(cmd.stream().noneMatch(a -> a.startsWith("-XX:AOTCache=")), cmd.toString());
        assertTrue(cmd.contains("-XX:AOTCacheOutput=/tmp/train.aot"), cmd.toString());
    }

    @Test
    void withoutAnAotCacheAChildFromJarsGetsTheAppCdsFallbackAfterOurOptions(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        String jar = java.nio.file.Files.writeString(dir.resolve("a.jar"), "x").toString();
        ChildCommand command = new ChildCommand("/j", "", jar, new AppCds(dir.resolve("cds")));
        List<String> cmd = command.build(request(null, "p.Main"));
        assertEquals(ChildCommand.JVM_OPTIONS, cmd.subList(1, 1 + ChildCommand.JVM_OPTIONS.size()));
        assertTrue(cmd.get(1 + ChildCommand.JVM_OPTIONS.size()).startsWith("-XX:ArchiveClassesAtExit=" + dir.resolve("cds")), cmd.toString());
        assertEquals(List.of("p.Main", "x", "y"), cmd.subList(cmd.size() - 3, cmd.size()));
        assertTrue(command.buildPooled(request(null, "p.Main")).stream().noneMatch(a -> a.startsWith("-XX:ArchiveClassesAtExit")),
                "a pooled JVM is keyed by its command line and gets no training flag");
        java.nio.file.Path aot = java.nio.file.Files.writeString(dir.resolve("child.aot"), "x");
        List<String> withAot = command.build(request(null, "p.Main").withOption(AotCache.OPTION, aot.toString()));
        assertTrue(withAot.stream().noneMatch(a -> a.contains("SharedArchiveFile") || a.contains("ArchiveClassesAtExit")), withAot.toString());
        List<String> off = command.build(request(null, "p.Main").withOption(AppCds.OPTION, "off"));
        assertTrue(off.stream().noneMatch(a -> a.contains("ArchiveClasses") || a.contains("SharedArchiveFile")), off.toString());
    }

    @Test
    void aDirectoryOnTheClassPathMeansNoAppCds(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        List<String> cmd = new ChildCommand("/j", "", dir.toString(), new AppCds(dir.resolve("cds"))).build(request(null, "p.Main"));
        assertTrue(cmd.stream().noneMatch(a -> a.contains("ArchiveClasses") || a.contains("SharedArchiveFile")),
                "a JVM dumping CDS with a directory on its path exits with status 1: " + cmd);
        assertFalse(ChildCommand.jarsOnly(List.of("/j", "--module-path", dir.toString(), "m/p.Main")));
    }
}
