package tractor.spawn.ssh;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * This JVM's class path as content-addressed jars, to ship to a remote cache: each entry keyed by the
 * SHA-256 of its bytes. A directory entry (a build's {@code target/classes}) is packed into a jar
 * first, with its files in name order and a fixed time stamp, so that unchanged classes give the same
 * hash every time and are never copied twice. Entries that do not exist are left out.
 */
final class JarSet {
    /** Hash → local jar file, in class-path order. */
    private final Map<String, Path> jars = new LinkedHashMap<>();

    private JarSet() {}

    static JarSet of(List<String> classPath, Path packDir) {
        JarSet s = new JarSet();
        for (String e : classPath) {
            Path p = Path.of(e);
            try {
                if (Files.isDirectory(p)) p = pack(p, packDir);
                else if (!Files.isRegularFile(p)) continue;
                s.jars.putIfAbsent(sha256(p), p);
            } catch (IOException ex) {
                throw new UncheckedIOException("cannot read class-path entry " + e, ex);
            }
        }
        return s;
    }

    /** The hashes, in class-path order. */
    List<String> hashes() {
        return List.copyOf(jars.keySet());
    }

    Path file(String hash) {
        return jars.get(hash);
    }

    /** Packs {@code dir} into a jar of {@code packDir}, reproducibly. */
    static Path pack(Path dir, Path packDir) throws IOException {
        Files.createDirectories(packDir);
        Path jar = Files.createTempFile(packDir, dir.getFileName() + "-", ".jar");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(jar))) {
            for (Path f : files) {
                ZipEntry e = new ZipEntry(dir.relativize(f).toString().replace('\\', '/'));
                e.setTime(FIXED_TIME);
                zip.putNextEntry(e);
                Files.copy(f, zip);
                zip.closeEntry();
            }
        }
        return jar;
    }

    /** 2000-01-01, the time stamp of every packed entry. */
    private static final long FIXED_TIME = 946_684_800_000L;

    static String sha256(Path file) throws IOException {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), md)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(md.digest());
    }

    @Override
    public String toString() {
        return "JarSet[" + jars.size() + " jars]";
    }
}
