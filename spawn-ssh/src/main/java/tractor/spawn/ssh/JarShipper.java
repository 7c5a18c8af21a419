package tractor.spawn.ssh;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Copies the jars a remote cache lacks in one ssh session: a tar stream (written here, read by the
 * remote {@code tar}) into a fresh directory beside the cache, each jar checked against its hash
 * ({@code sha256sum}, where the host has it) and then renamed into place, so that a broken copy never
 * sits in the cache under a valid name.
 */
final class JarShipper {
    private JarShipper() {}

    /** Copies {@code missing} of {@code jars} to {@code cacheDir} on {@code target}; returns how many were copied. */
    static int ship(SshTarget target, JarSet jars, String cacheDir, List<String> missing, Duration bound) {
        if (missing.isEmpty()) return 0;
        PipedInputStream in = new PipedInputStream(64 * 1024);
        PipedOutputStream pipe;
        try {
            pipe = new PipedOutputStream(in);
        } catch (IOException e) {
            throw new IllegalStateException("a new pipe connects", e);
        }
        Thread.ofVirtual().name("tractor-ssh tar").start(() -> writeTar(pipe, jars, missing));
        try (in) {
            SshRun.check(target, Shell.sh(receiveScript(cacheDir, missing)), in, bound, "ship jars");
        } catch (IOException e) {
            // closing the pipe's read end: nothing to report
        }
        return missing.size();
    }

    private static void writeTar(OutputStream out, JarSet jars, List<String> missing) {
        try (out) {
            for (String h : missing) {
                Path f = jars.file(h);
                header(out, h + ".jar", Files.size(f));
                long n;
                try (InputStream in = Files.newInputStream(f)) {
                    n = in.transferTo(out);
                }
                out.write(new byte[(int) ((512 - n % 512) % 512)]);
            }
            out.write(new byte[1024]); // two zero blocks end the archive
        } catch (IOException e) {
            // the session ended early (the remote side failed): its status and stderr tell why
        }
    }

    /** A POSIX ustar header for a regular file. */
    static void header(OutputStream out, String name, long size) throws IOException {
        byte[] h = new byte[512];
        put(h, 0, name);
        put(h, 100, "0000644");
        put(h, 108, "0000000");
        put(h, 116, "0000000");
        put(h, 124, String.format("%011o", size));
        put(h, 136, "00000000000");
        java.util.Arrays.fill(h, 148, 156, (byte) ' ');
        h[156] = '0';
        put(h, 257, "ustar");
        put(h, 263, "00");
        long sum = 0;
        for (byte b : h) sum += b & 0xFF;
        put(h, 148, String.format("%06o", sum));
        h[154] = 0;
        out.write(h);
    }

    private static void put(byte[] h, int at, String s) {
        byte[] b = s.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(b, 0, h, at, b.length);
    }

    /** Unpacks into a fresh directory in the cache, checks every hash, moves the jars into place. */
    static String receiveScript(String cacheDir, List<String> hashes) {
        String c = Shell.quote(cacheDir);
        return "t=$(mktemp -d " + c + "/.incoming.XXXXXX) || exit 1; trap 'rm -rf \"$t\"' EXIT; tar -x -f - -C \"$t\" || exit 1; "
                + "for h in " + String.join(" ", hashes) + "; do "
                + "if command -v sha256sum >/dev/null; then s=$(sha256sum \"$t/$h.jar\" | cut -c1-64); "
                + "[ \"$s\" = \"$h\" ] || { echo \"jar $h arrived with hash $s\" >&2; exit 1; }; fi; "
                + "mv -f \"$t/$h.jar\" " + c + "/\"$h.jar\" || exit 1; done";
    }
}
