package tractor.transport.uds;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import tractor.transport.spi.TransportException;

/**
 * The per-user directory that holds socket files, private to the user (mode 0700, owned by the user):
 * the system property {@value #PROPERTY} when set; else {@code $XDG_RUNTIME_DIR/tractor} when
 * {@code XDG_RUNTIME_DIR} names a writable directory; else {@code <java.io.tmpdir>/tractor-<user>}.
 */
public final class RuntimeDir {
    /** The system property that overrides the directory (tests use it). */
    public static final String PROPERTY = "tractor.runtime.dir";

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");

    private RuntimeDir() {}

    /**
     * The directory, created with mode 0700 if missing.
     *
     * @throws TransportException if it cannot be created, is not a directory, is a symbolic link, or
     *     belongs to another user
     */
    public static Path path() {
        return secure(choose());
    }

    /**
     * Makes {@code dir} the private directory: created with mode 0700 if missing; an existing one must be a
     * plain directory (not a symbolic link) owned by this user and not writable by others, and its mode is
     * then set to 0700. A directory others may write to (such as {@code /tmp}, mode 1777) is shared: it is
     * refused, never tightened, since taking its permissions away would break everyone else using it.
     *
     * @throws TransportException if it is not a directory, is a symbolic link, belongs to another user or
     *     is writable by others (it is left untouched), or cannot be created
     */
    static Path secure(Path dir) {
        try {
            if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
                Files.createDirectories(dir.getParent());
                try {
                    Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
                } catch (java.nio.file.FileAlreadyExistsException raced) {
                    // another process made it first: verified below
                }
            }
            verify(dir);
            return dir;
        } catch (IOException e) {
            throw new TransportException("cannot use runtime directory " + dir + ": " + e, e);
        }
    }

    private static Path choose() {
        String prop = System.getProperty(PROPERTY);
        if (prop != null && !prop.isBlank()) return Path.of(prop).toAbsolutePath();
        String xdg = System.getenv("XDG_RUNTIME_DIR");
        if (xdg != null && !xdg.isBlank()) {
            Path x = Path.of(xdg);
            if (x.isAbsolute() && Files.isDirectory(x) && Files.isWritable(x)) return x.resolve("tractor");
        }
        return Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath().resolve("tractor-" + System.getProperty("user.name"));
    }

    private static void verify(Path dir) throws IOException {
        if (Files.isSymbolicLink(dir) || !Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            throw new TransportException("runtime directory " + dir + " is not a plain directory");
        }
        String owner = Files.getOwner(dir, LinkOption.NOFOLLOW_LINKS).getName();
        String me = System.getProperty("user.name");
        if (!owner.equals(me)) {
            throw new TransportException("runtime directory " + dir + " belongs to \"" + owner + "\", not to \"" + me + "\"");
        }
        Set<PosixFilePermission> mode = Files.getPosixFilePermissions(dir, LinkOption.NOFOLLOW_LINKS);
        if (mode.contains(PosixFilePermission.OTHERS_WRITE) || mode.contains(PosixFilePermission.GROUP_WRITE)) {
            throw new TransportException("runtime directory " + dir + " is shared (mode " + PosixFilePermissions.toString(mode)
                    + "): set " + PROPERTY + " to a directory of your own; tractor keeps its socket files in a private one");
        }
        if (!mode.equals(OWNER_ONLY)) Files.setPosixFilePermissions(dir, OWNER_ONLY);
    }
}
