package tractor.spawn.ssh;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Content addressing of the class path and the tar stream, checked by a real {@code tar}. */
class JarShippingTest {
    @TempDir Path tmp;

    @Test
    void aClassDirectoryPacksToTheSameHashEveryTime() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("classes/a/b"));
        Files.writeString(dir.resolve("X.class"), "x");
        Files.writeString(tmp.resolve("classes/Y.class"), "y");
        Path jar = tmp.resolve("lib.jar");
        Files.writeString(jar, "not really a jar, but a file");
        List<String> cp = List.of(tmp.resolve("classes").toString(), jar.toString(), tmp.resolve("missing.jar").toString());
        JarSet first = JarSet.of(cp, tmp.resolve("pack1"));
        Files.setLastModifiedTime(dir.resolve("X.class"), java.nio.file.attribute.FileTime.fromMillis(0)); // touched, same bytes
        JarSet second = JarSet.of(cp, tmp.resolve("pack2"));
        assertEquals(2, first.hashes().size(), "the missing entry is left out");
        assertEquals(first.hashes(), second.hashes());
        assertEquals(JarSet.sha256(jar), first.hashes().get(1));
        Files.writeString(dir.resolve("X.class"), "changed");
        assertEquals(first.hashes().get(1), JarSet.of(cp, tmp.resolve("pack3")).hashes().get(1));
        assertEquals(false, first.hashes().get(0).equals(JarSet.of(cp, tmp.resolve("pack4")).hashes().get(0)));
    }

    @Test
    void theTarStreamUnpacksWithTheSystemTarAndPassesTheHashCheck() throws Exception {
        Path a = tmp.resolve("a.jar");
        Files.write(a, new byte[1000]);
        Path b = tmp.resolve("b.jar");
        Files.writeString(b, "b".repeat(512));
        JarSet jars = JarSet.of(List.of(a.toString(), b.toString()), tmp.resolve("pack"));
        Path cache = Files.createDirectories(tmp.resolve("cache"));
        ByteArrayOutputStream tar = new ByteArrayOutputStream();
        for (String h : jars.hashes()) {
            byte[] body = Files.readAllBytes(jars.file(h));
            JarShipper.header(tar, h + ".jar", body.length);
            tar.write(body);
            tar.write(new byte[(512 - body.length % 512) % 512]);
        }
        tar.write(new byte[1024]);
        Process p = new ProcessBuilder("sh", "-c", JarShipper.receiveScript(cache.toString(), jars.hashes())).redirectErrorStream(true).start();
        try (var in = p.getOutputStream()) {
            in.write(tar.toByteArray());
        }
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), out);
        for (String h : jars.hashes()) assertArrayEquals(Files.readAllBytes(jars.file(h)), Files.readAllBytes(cache.resolve(h + ".jar")));
        try (var left = Files.list(cache)) {
            assertEquals(2, left.count(), "no temporary directory is left");
        }
    }
}
