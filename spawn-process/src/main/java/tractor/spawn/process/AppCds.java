package tractor.spawn.process;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The fallback when a child JVM has no AOT cache ({@link AotCache}): a dynamic AppCDS archive of the
 * classes a child of the same shape loaded, made by the first such child and used by the later ones
 * (measured in bench/README: a cold child ready 195 → 141 ms). One archive per shape: the {@code java}
 * binary, the JVM options and the class and module paths with each entry's size and modification time,
 * so a rebuilt jar gets a new archive (the child JVM also rejects an archive whose jars changed).
 *
 * <p>The first child of a shape gets {@code -XX:ArchiveClassesAtExit=<file>.tmp}: it writes the archive
 * as it exits, and once it has exited this JVM moves the file into place atomically, so that no child
 * ever maps a half-written archive (children exiting together would otherwise write one file at once).
 * Only one child per shape trains at a time, and at most {@value #ATTEMPTS} per shape in this JVM (a
 * child killed before it exits writes nothing). Later children get {@code -XX:SharedArchiveFile=<file>}
 * with {@code -Xshare:auto}: an archive the JVM cannot use is skipped silently (CDS logging off).
 *
 * <p>Archives live in {@value #PROPERTY} (a directory), else {@code <java.io.tmpdir>/tractor-cds-<user>};
 * the directory is created owner-only and not used at all unless it belongs to this user and no one else
 * may write it (an archive planted by someone else would run their classes). The request option or
 * the property set to {@code off} turns the fallback off. Pooled JVMs never get it (their boot is not
 * waited for, and the pool keys on the command line).
 */
final class AppCds {
    /** The request option: {@code off}, or a directory. */
    static final String OPTION = "cds";
    /** The system property: {@code off}, or a directory, for every child of this JVM. */
    static final String PROPERTY = "tractor.spawn.process.cds";
    /** Training children per shape in one JVM at most. */
    static final int ATTEMPTS = 2;
    /** Options that keep an unusable archive silent. */
    static final List<String> QUIET = List.of("-Xlog:cds*=off", "-Xlog:aot*=off");

    private final Path defaultDir;
    private final Map<Path, AtomicInteger> attempts = new ConcurrentHashMap<>();
    private final Map<Path, Path> training = new ConcurrentHashMap<>();

    AppCds() {
        this(Path.of(System.getProperty("java.io.tmpdir"), "tractor-cds-" + System.getProperty("user.name", "user")));
    }

    AppCds(Path defaultDir) {
        this.defaultDir = defaultDir;
    }

    /**
     * The options for a child of {@code shape} (everything that decides which classes it loads): use the
     * archive, train it, or nothing (turned off, the directory unusable, training under way or given up).
     */
    List<String> options(Map<String, String> requestOptions, List<String> shape) {
        Optional<Path> dir = directory(requestOptions.getOrDefault(OPTION, System.getProperty(PROPERTY, "")));
        if (dir.isEmpty()) return List.of();
        Path archive = dir.get().resolve("child-" + key(shape) + ".jsa");
        if (Files.isRegularFile(archive)) return concat("-XX:SharedArchiveFile=" + archive);
        if (training.containsKey(archive) || attempts.computeIfAbsent(archive, a -> new AtomicInteger()).incrementAndGet() > ATTEMPTS)
            return List.of();
        Path tmp = archive.resolveSibling(archive.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
        if (training.putIfAbsent(archive, tmp) != null) return List.of();
        return concat("-XX:ArchiveClassesAtExit=" + tmp);
    }

    /** {@code process}, started with {@code cmd}, has exited: a training child's archive is moved into place. */
    void exited(List<String> cmd) {
        String flag = "-XX:ArchiveClassesAtExit=";
        cmd.stream().filter(a -> a.startsWith(flag)).findFirst().map(a -> Path.of(a.substring(flag.length()))).ifPresent(this::finish);
    }

    private void finish(Path tmp) {
        String name = tmp.getFileName().toString();
        Path archive = tmp.resolveSibling(name.substring(0, name.indexOf(".jsa") + 4));
        try {
            if (Files.isRegularFile(tmp) && Files.size(tmp) > 0)
                Files.move(tmp, archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            else Files.deleteIfExists(tmp);
        } catch (IOException e) {
            // best effort: without an archive the next child trains again (up to ATTEMPTS)
        } finally {
            training.remove(archive, tmp);
        }
    }

    /** The archive directory, created owner-only, or empty when off or not safe to use. */
    Optional<Path> directory(String setting) {
        if (setting.equals("off")) return Optional.empty();
        Path dir = setting.isBlank() ? defaultDir : Path.of(setting).toAbsolutePath();
        try {
            if (!Files.isDirectory(dir)) Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            String perms = PosixFilePermissions.toString(Files.getPosixFilePermissions(dir));
            boolean othersWrite = perms.charAt(4) == 'w' || perms.charAt(7) == 'w';
            boolean mine = Files.getOwner(dir).getName().equals(System.getProperty("user.name"));
            return mine && !othersWrite ? Optional.of(dir) : Optional.empty();
        } catch (IOException | UnsupportedOperationException e) {
            return Optional.empty();
        }
    }

    /** A hash of the shape and of every path entry's size and modification time. */
    static String key(List<String> shape) {
        StringBuilder s = new StringBuilder(String.join("\u0000", shape));
        for (String arg : shape) {
            if (!arg.contains(File.separator)) continue;
            for (String e : arg.split(File.pathSeparator)) {
                File f = new File(e);
                if (f.isFile()) s.append('\u0000').append(f.length()).append('@').append(f.lastModified());
            }
        }
        String k = s.toString();
        return Integer.toHexString(k.hashCode()) + Integer.toHexString(new StringBuilder(k).reverse().toString().hashCode());
    }

    private static List<String> concat(String flag) {
        return List.of(flag, QUIET.get(0), QUIET.get(1));
    }

    @Override
    public String toString() {
        return "AppCds[" + defaultDir + ", training " + training.keySet() + "]";
    }
}
