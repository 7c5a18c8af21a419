package tractor.spawn.ssh;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * A child for the environment test: exits 0 when {@code TRACTOR_SECRET} holds the value whose SHA-256
 * is {@code args[0]} and no process command line on the host contains it; 2 when the value differs, 3
 * when a command line shows it.
 */
public final class EnvProbeMain {
    private EnvProbeMain() {}

    public static void main(String[] args) throws Exception {
        String secret = System.getenv("TRACTOR_SECRET");
        String hash = secret == null ? "" : HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        if (!hash.equals(args[0])) {
            System.err.println("TRACTOR_SECRET " + (secret == null ? "is not set" : "has another value"));
            System.exit(2);
        }
        try (var procs = Files.list(Path.of("/proc"))) {
            for (Path p : procs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                byte[] cmd;
                try {
                    cmd = Files.readAllBytes(p.resolve("cmdline"));
                } catch (java.io.IOException gone) {
                    continue;
                }
                if (new String(cmd, StandardCharsets.UTF_8).contains(secret)) {
                    System.err.println("the secret is on the command line of process " + p.getFileName());
                    System.exit(3);
                }
            }
        }
        System.out.println("environment ok");
    }
}
