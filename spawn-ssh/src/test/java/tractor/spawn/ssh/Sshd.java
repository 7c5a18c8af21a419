package tractor.spawn.ssh;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import tractor.testkit.Netns;

/**
 * A throwaway OpenSSH server inside a test namespace: a fresh host key and user key pair in a
 * temporary directory, root login by that key only, listening on the namespace's address. Started in
 * the foreground ({@code -D -e}) so that it is this JVM's child and ends with {@link #close()}.
 */
final class Sshd implements AutoCloseable {
    static final String SSHD = "/usr/sbin/sshd";

    final Path dir;
    final Path userKey;
    final Path otherKey;
    final Path knownHosts;
    final String host;
    private final Process process;

    private Sshd(Path dir, String host, Process process) {
        this.dir = dir;
        this.host = host;
        this.userKey = dir.resolve("user_key");
        this.otherKey = dir.resolve("other_key");
        this.knownHosts = dir.resolve("known_hosts");
        this.process = process;
    }

    /** Why no sshd can be run here, or null. */
    static String unavailable() {
        if (!Files.isExecutable(Path.of(SSHD))) return SSHD + " is not installed (Debian: apt-get install openssh-server)";
        if (!Files.isExecutable(Path.of("/usr/bin/ssh-keygen"))) return "ssh-keygen is not installed";
        return null;
    }

    static Sshd start(Netns ns) throws Exception {
        Path dir = Files.createTempDirectory("tractor-sshd");
        keygen(dir.resolve("host_key"));
        keygen(dir.resolve("user_key"));
        keygen(dir.resolve("other_key"));
        Files.copy(dir.resolve("user_key.pub"), dir.resolve("authorized_keys"));
        Files.writeString(dir.resolve("known_hosts"), ns.nsAddress() + " " + Files.readString(dir.resolve("host_key.pub")));
        Files.writeString(dir.resolve("sshd_config"), String.join("\n",
                "ListenAddress " + ns.nsAddress(), "Port 22", "HostKey " + dir.resolve("host_key"), "PidFile none",
                "AuthorizedKeysFile " + dir.resolve("authorized_keys"), "PermitRootLogin prohibit-password",
                "PubkeyAuthentication yes", "PasswordAuthentication no", "KbdInteractiveAuthentication no", "UsePAM no",
                "StrictModes no", "PrintMotd no", "LogLevel INFO", "") );
        Files.createDirectories(Path.of("/run/sshd")); // privilege separation directory
        Process p = ns.command(SSHD, "-D", "-e", "-f", dir.resolve("sshd_config").toString()).redirectErrorStream(true).start();
        Sshd s = new Sshd(dir, ns.nsAddress(), p);
        try {
            s.awaitListening();
        } catch (Exception e) {
            s.close();
            throw e;
        }
        return s;
    }

    /** Reads sshd's log until it says it listens; keeps draining it afterwards. */
    private void awaitListening() throws Exception {
        CompletableFuture<Void> listening = new CompletableFuture<>();
        StringBuilder log = new StringBuilder();
        Thread.ofPlatform().daemon(true).name("sshd log").start(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    synchronized (log) {
                        log.append(line).append('\n');
                    }
                    if (line.contains("Server listening on " + host)) listening.complete(null);
                }
            } catch (IOException e) {
                // sshd ended
            }
            listening.completeExceptionally(new IllegalStateException("sshd ended before listening:\n" + log));
        });
        listening.get(20, TimeUnit.SECONDS);
    }

    /** Backend options that reach this sshd as root with the authorized key. */
    java.util.Map<String, String> options() {
        return java.util.Map.of("host", "root@" + host, "identity", userKey.toString(), "knownHosts", knownHosts.toString(),
                "connectTimeout", "5");
    }

    private static void keygen(Path key) throws Exception {
        Process p = new ProcessBuilder("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", key.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) throw new IllegalStateException("ssh-keygen failed: " + out);
    }

    @Override
    public void close() throws Exception {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
        try (var walk = Files.walk(dir)) {
            for (Path f : walk.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(f);
        }
    }

    @Override
    public String toString() {
        return "Sshd[" + host + ", " + (process.isAlive() ? "running]" : "ended]");
    }

}
