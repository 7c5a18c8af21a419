package tractor.transport.uds;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tractor.testkit.Bounded;

/** The runtime directory's rules (tractor's scenarios 238–240, fault E.37's last bullet). */
@Bounded(seconds = 10)
class RuntimeDirTest {
    @TempDir
    Path tmp;

    /** 238: a new path is created with mode 0700; a path that is a file is refused. */
    @Test
    void createsPrivateDirectoryAndRejectsNonDirectory() throws Exception {
        Path fresh = tmp.resolve("a/b/tractor");
        assertEquals(fresh, RuntimeDir.secure(fresh));
        assertEquals("rwx------", mode(fresh));
        Path file = Files.writeString(tmp.resolve("file"), "x");
        var e = assertThrows(tractor.transport.spi.TransportException.class, () -> RuntimeDir.secure(file));
        assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("not a plain directory"), e.getMessage());
    }

    /** 239: an existing owned 0755 directory is normalised to 0700. */
    @Test
    void securesAnExistingDirectory() throws Exception {
        Path dir = Files.createDirectory(tmp.resolve("open"), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        RuntimeDir.secure(dir);
        assertEquals("rwx------", mode(dir));
    }

    /** 240: a directory owned by another user is refused, its mode unchanged (needs root to chown). */
    @Test
    void rejectsAForeignOwner() throws Exception {
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")), "needs root to give a directory to another user");
        Path dir = Files.createDirectory(tmp.resolve("foreign"));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        UserPrincipal nobody = dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
        Files.setOwner(dir, nobody);
        var e = assertThrows(tractor.transport.spi.TransportException.class, () -> RuntimeDir.secure(dir));
        assertTrue(e.getMessage().contains("belongs to \"nobody\""), e.getMessage());
        assertEquals("rwxr-xr-x", mode(dir), "mode unchanged");
    }

    /**
     * A shared directory (others may write to it, as to {@code /tmp}) is refused, its mode unchanged: pointing
     * the runtime directory at {@code /tmp} once made it mode 0700 for everyone.
     */
    @Test
    void refusesASharedDirectoryAndLeavesItsModeAlone() throws Exception {
        for (String shared : new String[] {"rwxrwxrwx", "rwxrwxr-x"}) {
            Path dir = Files.createDirectories(tmp.resolve("shared-" + shared));
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString(shared));
            var e = assertThrows(tractor.transport.spi.TransportException.class, () -> RuntimeDir.secure(dir));
            assertTrue(e.getMessage().contains("is shared (mode " + shared + ")") && e.getMessage().contains(RuntimeDir.PROPERTY), e.getMessage());
            assertEquals(shared, mode(dir), "mode unchanged");
        }
    }

    /** A symbolic link at the runtime path is refused; its target is left alone. */
    @Test
    void rejectsASymlink() throws Exception {
        Path target = Files.createDirectory(tmp.resolve("target"));
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path link = Files.createSymbolicLink(tmp.resolve("link"), target);
        var e = assertThrows(tractor.transport.spi.TransportException.class, () -> RuntimeDir.secure(link));
        assertTrue(e.getMessage().contains("not a plain directory"), e.getMessage());
        assertEquals("rwxr-xr-x", mode(target), "the target is untouched");
    }

    private static String mode(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }
}
