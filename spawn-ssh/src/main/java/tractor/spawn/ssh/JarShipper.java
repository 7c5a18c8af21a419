package tractor.spawn.ssh;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import tractor.spawn.spi.SpawnException;

/**
 * Copies the jars a remote cache lacks, one ssh session each: the bytes go to a temporary file beside
 * the target, are checked against their hash ({@code sha256sum}, where the host has it) and renamed,
 * so that a broken copy never sits in the cache under a valid name.
 */
final class JarShipper {
    private JarShipper() {}

    /** Copies {@code missing} of {@code jars} to {@code cacheDir} on {@code target}; returns how many were copied. */
    static int ship(SshTarget target, JarSet jars, String cacheDir, List<String> missing, Duration bound) {
        for (String h : missing) {
            try (InputStream in = Files.newInputStream(jars.file(h))) {
                SshRun.check(target, Shell.sh(copyScript(cacheDir, h)), in, bound, "ship jars (" + jars.file(h).getFileName() + ")");
            } catch (IOException e) {
                throw new SpawnException("ssh backend: host " + target.describe() + ": step ship jars failed: cannot read "
                        + jars.file(h) + " (" + e.getMessage() + ")", e);
            } catch (UncheckedIOException e) {
                throw new SpawnException("ssh backend: host " + target.describe() + ": step ship jars failed: " + e.getMessage(), e);
            }
        }
        return missing.size();
    }

    static String copyScript(String cacheDir, String hash) {
        String dir = Shell.quote(cacheDir);
        return "t=" + dir + "/." + hash + ".$$; cat > \"$t\" || { rm -f \"$t\"; exit 1; }; "
                + "if command -v sha256sum >/dev/null; then s=$(sha256sum \"$t\" | cut -c1-64); "
                + "[ \"$s\" = " + hash + " ] || { rm -f \"$t\"; echo \"jar " + hash + " arrived with hash $s\" >&2; exit 1; }; fi; "
                + "mv -f \"$t\" " + dir + "/" + hash + ".jar";
    }
}
