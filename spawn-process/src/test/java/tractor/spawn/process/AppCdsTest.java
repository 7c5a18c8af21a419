package tractor.spawn.process;

import static org.junit.jupiter.api.Assertions.*;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dynamic AppCDS fallback: one training child per shape, the archive moved into place once it exited. */
class AppCdsTest {
    @TempDir
    Path dir;

    private static final List<String> SHAPE = List.of("/j/bin/java", "-cp", "/cp/a.jar", "p.Main");

    private static String flag(List<String> options, String prefix) {
        return options.stream().filter(o -> o.startsWith(prefix)).findFirst().map(o -> o.substring(prefix.length())).orElse(null);
    }

    @Test
    void theFirstChildTrainsAndTheNextOnesUseTheArchiveOnceItExited() throws Exception {
        AppCds cds = new AppCds(dir);
        List<String> first = cds.options(Map.of(), SHAPE);
        String tmp = flag(first, "-XX:ArchiveClassesAtExit=");
        assertNotNull(tmp, first.toString());
        assertTrue(first.containsAll(AppCds.QUIET), first.toString());
        assertEquals(List.of(), cds.options(Map.of(), SHAPE), "one training child per shape at a time");
        Files.writeString(Path.of(tmp), "an archive");
        assertEquals(List.of(), cds.options(Map.of(), SHAPE), "the archive is not used before its writer exited");
        cds.exited(new ArrayList<>(first));
        String archive = flag(cds.options(Map.of(), SHAPE), "-XX:SharedArchiveFile=");
        assertEquals(tmp.substring(0, tmp.indexOf(".jsa") + 4), archive);
        assertEquals("an archive", Files.readString(Path.of(archive)));
        assertFalse(Files.exists(Path.of(tmp)));
    }

    @Test
    void aTrainingChildThatWroteNothingIsRetriedUpToTheLimit() {
        AppCds cds = new AppCds(dir);
        for (int i = 0; i < AppCds.ATTEMPTS; i++) {
            List<String> o = cds.options(Map.of(), SHAPE);
            assertNotNull(flag(o, "-XX:ArchiveClassesAtExit="), "attempt " + i + ": " + o);
            cds.exited(o); // killed before it could write
        }
        assertEquals(List.of(), cds.options(Map.of(), SHAPE), "given up after " + AppCds.ATTEMPTS);
        assertNotNull(flag(cds.options(Map.of(), List.of("/j/bin/java", "-cp", "/cp/b.jar", "p.Main")), "-XX:ArchiveClassesAtExit="),
                "another shape trains on its own");
    }

    @Test
    void offOrADirectoryOthersMayWriteMeansNoArchive() throws Exception {
        assertEquals(List.of(), new AppCds(dir).options(Map.of(AppCds.OPTION, "off"), SHAPE));
        Path shared = Files.createDirectory(dir.resolve("shared"));
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxr-x"));
        assertEquals(List.of(), new AppCds(dir).options(Map.of(AppCds.OPTION, shared.toString()), SHAPE));
        Path made = dir.resolve("made/here");
        assertFalse(new AppCds(made).options(Map.of(), SHAPE).isEmpty());
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(made)));
    }

    @Test
    void theShapeKeyFollowsTheJarsOnThePaths() throws Exception {
        Path jar = Files.writeString(dir.resolve("a.jar"), "v1");
        List<String> shape = List.of("/j", "-cp", jar.toString(), "p.Main");
        String before = AppCds.key(shape);
        assertEquals(before, AppCds.key(shape));
        Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 5000));
        assertNotEquals(before, AppCds.key(shape), "a rebuilt jar gets a new archive");
        assertNotEquals(before, AppCds.key(List.of("/j", "-Xmx1g", "-cp", jar.toString(), "p.Main")));
    }

    @Test
    void aRealChildJvmWritesTheArchiveAndTheNextLoadsItsClassFromIt() throws Exception {
        Path jar = dir.resolve("probe.jar");
        String entry = CdsProbe.class.getName().replace('.', '/') + ".class";
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar)); InputStream in = CdsProbe.class.getResourceAsStream("CdsProbe.class")) {
            out.putNextEntry(new JarEntry(entry));
            in.transferTo(out);
        }
        List<String> shape = List.of(ChildCommand.currentJava(), "-cp", jar.toString(), CdsProbe.class.getName());
        AppCds cds = new AppCds(dir.resolve("cds"));
        List<String> train = command(cds.options(Map.of(), shape), shape);
        assertEquals("probe ran", run(train).strip(), "training must not change the child's output or status");
        cds.exited(train);
        List<String> use = cds.options(Map.of(), shape);
        assertNotNull(flag(use, "-XX:SharedArchiveFile="), use.toString());
        List<String> logged = new ArrayList<>(command(use, shape));
        logged.add(1, "-Xlog:class+load=info");
        String out = run(logged);
        assertTrue(out.lines().anyMatch(l -> l.contains(CdsProbe.class.getName() + " source: shared objects file")), out);
    }

    private static List<String> command(List<String> options, List<String> shape) {
        List<String> cmd = new ArrayList<>(shape);
        cmd.addAll(1, options);
        return cmd;
    }

    /** Runs {@code cmd} to its end; returns its output, failing on a non-zero status. */
    private static String run(List<String> cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        try (OutputStream stdin = p.getOutputStream()) {
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, p.waitFor(), cmd + " said: " + out);
            return out;
        }
    }
}
