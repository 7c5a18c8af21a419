package tractor.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A second network host for tests on one machine: a Linux network namespace joined to this one by a
 * veth pair, {@code hostAddress} on this side and {@code nsAddress} inside, both in one /24. Needs root
 * and iproute2 ({@code ip netns}); {@link #unavailable()} says why it cannot be had, for a JUnit
 * assumption. Faults: {@link #partition()} drops every packet inside the namespace (nftables),
 * {@link #linkDown()} takes this side of the veth down; {@link #heal()} undoes both. {@link #close()}
 * deletes the namespace, its veth pair and rules; processes a test started in it must be ended by the
 * test.
 *
 * {@snippet :
 * Assumptions.assumeTrue(Netns.unavailable().isEmpty(), () -> "skipped: " + Netns.unavailable().get());
 * try (Netns b = Netns.create("trb", "10.213.7.1", "10.213.7.2")) {
 *     Process p = b.command("sshd", "-D").start(); // runs inside the namespace
 * }
 * }
 */
public final class Netns implements AutoCloseable {
    private static final String TABLE = "tractor_partition";

    private final String name;
    private final String hostAddress;
    private final String nsAddress;
    private final String hostIf;
    private boolean closed;

    private Netns(String name, String hostAddress, String nsAddress) {
        this.name = name;
        this.hostAddress = hostAddress;
        this.nsAddress = nsAddress;
        this.hostIf = name + "-a";
    }

    /** Why a namespace cannot be made here, or empty when it can (checked by making one). */
    public static Optional<String> unavailable() {
        String probe = "trprobe" + ProcessHandle.current().pid() % 100000;
        try {
            Result r = exec(List.of("ip", "netns", "add", probe));
            if (r.status != 0) return Optional.of("cannot create a network namespace (ip netns add: " + r.output.strip() + "); needs root and iproute2");
            exec(List.of("ip", "netns", "del", probe));
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of("cannot run ip (iproute2 missing?): " + e.getMessage());
        }
    }

    /** Whether nftables' {@code nft} can be run (for {@link #partition()}). */
    public static Optional<String> nftUnavailable() {
        try {
            Result r = exec(List.of("nft", "--version"));
            return r.status == 0 ? Optional.empty() : Optional.of("nft --version failed: " + r.output.strip());
        } catch (IOException e) {
            return Optional.of("nftables' nft is not installed: " + e.getMessage());
        }
    }

    /**
     * Creates namespace {@code name} (at most 12 characters; one left over from a crashed run is
     * replaced) with a veth pair, addresses and links up.
     */
    public static Netns create(String name, String hostAddress, String nsAddress) {
        if (name.length() > 12) throw new IllegalArgumentException("namespace name \"" + name + "\" is longer than 12 characters");
        Netns n = new Netns(name, hostAddress, nsAddress);
        n.quietly(List.of("ip", "netns", "del", name));
        n.quietly(List.of("ip", "link", "del", n.hostIf));
        try {
            n.run("ip", "netns", "add", name);
            n.run("ip", "link", "add", n.hostIf, "type", "veth", "peer", "name", name + "-b", "netns", name);
            n.run("ip", "addr", "add", hostAddress + "/24", "dev", n.hostIf);
            n.run("ip", "link", "set", n.hostIf, "up");
            n.inside("ip", "addr", "add", nsAddress + "/24", "dev", name + "-b");
            n.inside("ip", "link", "set", name + "-b", "up");
            n.inside("ip", "link", "set", "lo", "up");
        } catch (RuntimeException e) {
            n.close();
            throw e;
        }
        return n;
    }

    public String name() { return name; }

    /** This side's address. */
    public String hostAddress() { return hostAddress; }

    /** The namespace side's address. */
    public String nsAddress() { return nsAddress; }

    /** A process builder for {@code cmd} run inside the namespace ({@code ip netns exec}). */
    public ProcessBuilder command(String... cmd) {
        return new ProcessBuilder(inNs(List.of(cmd)));
    }

    public List<String> inNs(List<String> cmd) {
        List<String> all = new ArrayList<>(List.of("ip", "netns", "exec", name));
        all.addAll(cmd);
        return all;
    }

    /** Runs {@code cmd} inside the namespace to its end; throws with its output when it fails. */
    public String inside(String... cmd) {
        return run(inNs(List.of(cmd)).toArray(String[]::new));
    }

    /**
     * Drops every packet crossing the veth pair, in both directions (an nftables table inside the
     * namespace, matching its end of the pair); traffic inside the namespace is untouched.
     */
    public void partition() {
        String nsIf = name + "-b";
        String rules = "table inet " + TABLE + " {\n"
                + " chain in { type filter hook input priority 0; iifname \"" + nsIf + "\" drop; }\n"
                + " chain out { type filter hook output priority 0; oifname \"" + nsIf + "\" drop; }\n}\n";
        runWithInput(inNs(List.of("nft", "-f", "-")), rules);
    }

    /** Takes this side of the veth pair down. */
    public void linkDown() {
        run("ip", "link", "set", hostIf, "down");
    }

    /** Removes the partition rules and brings the link up (with its address back). */
    public void heal() {
        quietly(inNs(List.of("nft", "delete", "table", "inet", TABLE)));
        run("ip", "link", "set", hostIf, "up");
    }

    /** Deletes the namespace and the veth pair; idempotent. */
    @Override
    public void close() {
        if (closed) return;
        closed = true;
        quietly(List.of("ip", "netns", "del", name));
        quietly(List.of("ip", "link", "del", hostIf));
    }

    private String run(String... cmd) {
        return runWithInput(List.of(cmd), null);
    }

    private static String runWithInput(List<String> cmd, String input) {
        try {
            Result r = exec(cmd, input);
            if (r.status != 0) throw new IllegalStateException(String.join(" ", cmd) + " failed with status " + r.status + ": " + r.output.strip());
            return r.output;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + String.join(" ", cmd) + ": " + e.getMessage(), e);
        }
    }

    private void quietly(List<String> cmd) {
        try {
            exec(cmd);
        } catch (IOException e) {
            // nothing to remove
        }
    }

    private record Result(int status, String output) {}

    private static Result exec(List<String> cmd) throws IOException {
        return exec(cmd, null);
    }

    private static Result exec(List<String> cmd, String input) throws IOException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        try (var in = p.getOutputStream()) {
            if (input != null) in.write(input.getBytes(StandardCharsets.UTF_8));
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Result(-1, out + " (timed out)");
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        return new Result(p.exitValue(), out);
    }

    @Override
    public String toString() {
        return "Netns[" + name + ", " + hostAddress + " <-> " + nsAddress + (closed ? ", closed]" : "]");
    }
}
