package tractor.spawn.ssh;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import tractor.spawn.spi.SpawnException;

/**
 * One short ssh session run to its end (a preparation step, a jar copy, a remote kill), bounded in
 * time. A failure becomes a {@link SpawnException} naming the host, the step and the tail of what ssh
 * and the remote command wrote to standard error. Status 255 is ssh's own failure: the step is then
 * {@code authenticate} when the host refused the key, else {@code connect}.
 */
final class SshRun {
    private SshRun() {}

    /** How many trailing characters of standard error a failure quotes. */
    static final int TAIL_CHARS = 2000;

    /** What a finished session printed. */
    record Output(int status, String stdout, String stderr) {}

    /** Runs {@code remoteCommand} on {@code target}, feeding it {@code input} (may be null); returns its output. */
    static Output run(SshTarget target, String remoteCommand, InputStream input, Duration bound, String step) {
        List<String> cmd = target.command(remoteCommand);
        Process p;
        try {
            p = new ProcessBuilder(cmd).start();
        } catch (IOException e) {
            throw new SpawnException("ssh backend: host " + target.describe() + ": step " + step + " failed: cannot run ssh ("
                    + e.getMessage() + "); is the OpenSSH client installed?", e);
        }
        CompletableFuture<String> out = drain(p.getInputStream());
        CompletableFuture<String> err = drain(p.getErrorStream());
        try {
            Thread.ofVirtual().name("tractor-ssh feed").start(() -> feed(p.getOutputStream(), input));
            if (!p.waitFor(bound.toMillis(), TimeUnit.MILLISECONDS)) {
                kill(p);
                throw failure(target, step, "timed out after " + bound, err.getNow(""));
            }
            return new Output(p.exitValue(), out.join(), err.join());
        } catch (InterruptedException e) {
            kill(p);
            Thread.currentThread().interrupt();
            throw new SpawnException("ssh backend: host " + target.describe() + ": step " + step + " was interrupted", e);
        }
    }

    /** {@link #run}, and a status other than 0 is a failure of {@code step}. */
    static Output check(SshTarget target, String remoteCommand, InputStream input, Duration bound, String step) {
        Output o = run(target, remoteCommand, input, bound, step);
        if (o.status() == 0) return o;
        throw failure(target, o.status() == 255 ? sshStep(o.stderr()) : step, "exit status " + o.status(), o.stderr());
    }

    /** Which step ssh itself failed in, from its message. */
    static String sshStep(String stderr) {
        return stderr.contains("Permission denied") || stderr.contains("Host key verification failed")
                || stderr.contains("REMOTE HOST IDENTIFICATION HAS CHANGED") ? "authenticate" : "connect";
    }

    static SpawnException failure(SshTarget target, String step, String what, String stderr) {
        String tail = stderr.strip();
        if (tail.length() > TAIL_CHARS) tail = "..." + tail.substring(tail.length() - TAIL_CHARS);
        return new SpawnException("ssh backend: host " + target.describe() + ": step " + step + " failed (" + what + ")"
                + (tail.isEmpty() ? "" : "; ssh's stderr ended with:\n" + tail));
    }

    private static void feed(OutputStream stdin, InputStream input) {
        try (stdin) {
            if (input != null) input.transferTo(stdin);
        } catch (IOException e) {
            // the session ended early: its status and stderr tell why
        }
    }

    private static CompletableFuture<String> drain(InputStream in) {
        CompletableFuture<String> f = new CompletableFuture<>();
        Thread.ofVirtual().name("tractor-ssh drain").start(() -> {
            try (in) {
                f.complete(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                f.complete("");
            }
        });
        return f;
    }

    private static void kill(Process p) {
        p.destroyForcibly();
        try {
            p.waitFor(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
