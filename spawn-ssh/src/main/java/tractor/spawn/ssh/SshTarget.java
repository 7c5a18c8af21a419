package tractor.spawn.ssh;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tractor.spawn.spi.SpawnException;

/**
 * Where and how to reach one remote host with the system {@code ssh} client: the backend options
 * {@code host} (required, {@code [user@]host} or an alias of {@code ~/.ssh/config}), {@code port},
 * {@code identity} (a private key file), {@code knownHosts} (a known-hosts file) and
 * {@code connectTimeout} (seconds, default 10). Every session runs with {@code BatchMode=yes} (never a
 * password prompt), no terminal, and keep-alives that end a session whose host stopped answering.
 */
record SshTarget(String host, String port, String identity, String knownHosts, int connectTimeoutSeconds) {
    /**
     * Keep-alive probes: a session whose host is silent for 9 to 12 s ends (status 255). Longer than the
     * actors' own heartbeat bound (a peer silent for 5 s is lost): the runtime learns of a lost child
     * from its channel ({@code TransportClosed}), the ssh session only ends one that nobody reaps.
     */
    static final int ALIVE_INTERVAL = 3;
    static final int ALIVE_COUNT = 3;

    SshTarget {
        if (host == null || host.isBlank()) {
            throw new SpawnException("ssh backend: the backend option \"host\" is required (ActorOptions.host(\"user@hostB\"))");
        }
        if (host.startsWith("-") || host.chars().anyMatch(Character::isWhitespace)) {
            throw new SpawnException("ssh backend: host \"" + host + "\" is not a host name (it starts with '-' or contains blanks)");
        }
    }

    static SshTarget of(Map<String, String> options) {
        String timeout = options.getOrDefault("connectTimeout", "10");
        int seconds;
        try {
            seconds = Integer.parseInt(timeout.strip());
        } catch (NumberFormatException e) {
            throw new SpawnException("ssh backend: connectTimeout \"" + timeout + "\" is not a whole number of seconds");
        }
        return new SshTarget(options.get("host"), options.get("port"), options.get("identity"), options.get("knownHosts"), seconds);
    }

    /** The {@code ssh} command line that runs {@code remoteCommand} (one string, for the remote login shell). */
    List<String> command(String remoteCommand) {
        List<String> cmd = new ArrayList<>(List.of("ssh", "-T", "-o", "BatchMode=yes", "-o", "LogLevel=ERROR",
                "-o", "ConnectTimeout=" + connectTimeoutSeconds, "-o", "ServerAliveInterval=" + ALIVE_INTERVAL,
                "-o", "ServerAliveCountMax=" + ALIVE_COUNT));
        if (port != null) cmd.addAll(List.of("-p", port));
        if (identity != null) cmd.addAll(List.of("-i", identity, "-o", "IdentitiesOnly=yes"));
        if (knownHosts != null) cmd.addAll(List.of("-o", "UserKnownHostsFile=" + knownHosts, "-o", "StrictHostKeyChecking=yes"));
        cmd.addAll(List.of("--", host, remoteCommand));
        return cmd;
    }

    /** {@code host} or {@code host:port}, for messages. */
    String describe() {
        return port == null ? host : host + ":" + port;
    }

    @Override
    public String toString() {
        return "ssh " + describe();
    }
}
