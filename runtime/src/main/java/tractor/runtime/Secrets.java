package tractor.runtime;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tractor.RootOptions;
import tractor.RuntimeFailure;
import tractor.transport.spi.SharedSecret;
import tractor.transport.spi.TransportOptions;
import tractor.transport.spi.TransportSecurity;

/**
 * Where the tree's shared secret comes from, first found wins: {@link RootOptions#secret()},
 * {@link RootOptions#secretFile()}, the environment variable {@value #ENV}, the environment variable
 * {@value #ENV_FILE}. A secret file must be a regular file (not a link) owned by this process's user with
 * no permission for group or others; its text, without the trailing line break, is the secret. A child
 * gets the secret from its parent: in memory (thread backend) or in {@value #ENV} of its environment;
 * the transport settings ({@code RootOptions.transportOptions}, e.g. TLS) travel the same way, in
 * {@value #ENV_OPTIONS}.
 */
final class Secrets {
    static final String ENV = "TRACTOR_SECRET";
    static final String ENV_FILE = "TRACTOR_SECRET_FILE";
    /** How a child process gets its parent's transport settings (TLS): lines of {@code name=value}. */
    static final String ENV_OPTIONS = "TRACTOR_TRANSPORT_OPTIONS";
    private static final Set<PosixFilePermission> GROUP_OR_OTHERS = EnumSet.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private Secrets() {}

    /**
     * The root's secret, or null when none is configured anywhere.
     *
     * @throws RuntimeFailure when a configured secret is empty or its file is unsafe or unreadable
     */
    static SharedSecret resolve(RootOptions o, Map<String, String> env) {
        if (o.secret() != null) return of(o.secret(), "RootOptions.secret");
        if (o.secretFile() != null) return fromFile(o.secretFile(), "RootOptions.secretFile");
        if (env.get(ENV) != null) return of(env.get(ENV), "the environment variable " + ENV);
        if (env.get(ENV_FILE) != null) return fromFile(Path.of(env.get(ENV_FILE)), "the environment variable " + ENV_FILE);
        return null;
    }

    /**
     * A child's transport options: the security its parent handed over in memory (thread backend), else
     * the secret in {@value #ENV} and the settings in {@value #ENV_OPTIONS} of its environment.
     */
    static TransportOptions forChild(TransportSecurity inMemory, Map<String, String> env, ChannelOptions channel) {
        if (inMemory != null) return TransportOptions.DEFAULTS.withSecurity(inMemory);
        String s = env.get(ENV);
        return options(s == null ? null : of(s, "the environment variable " + ENV), parseSettings(env.getOrDefault(ENV_OPTIONS, "")), channel);
    }

    /** The transport options of an actor with this secret (null: none), these settings and handshake bound. */
    static TransportOptions options(SharedSecret secret, Map<String, String> settings, ChannelOptions channel) {
        TransportSecurity sec = TransportSecurity.NONE.withSecret(secret).withSettings(settings).withHandshakeTimeout(channel.handshakeTimeout());
        return TransportOptions.DEFAULTS.withSecurity(sec);
    }

    /**
     * The environment entries that hand the secret and the transport settings to a child process (never its
     * command line); empty without either.
     */
    static Map<String, String> childEnvironment(TransportOptions options) {
        Map<String, String> env = new java.util.HashMap<>();
        SharedSecret s = options.security().secret();
        if (s != null) env.put(ENV, s.text());
        if (!options.security().settings().isEmpty()) env.put(ENV_OPTIONS, formatSettings(options.security().settings()));
        return env;
    }

    /**
     * The extra arguments that hand the security to an in-JVM child with a class loader of its own (only
     * JDK types cross to it; arguments of an in-JVM child are never on a command line): the secret's
     * text (or empty) and the settings as {@link #formatSettings} lines.
     */
    static List<String> inJvmArgs(TransportOptions options) {
        SharedSecret s = options.security().secret();
        return List.of(s == null ? "" : s.text(), formatSettings(options.security().settings()));
    }

    /**
     * The security {@link #inJvmArgs} handed over (arguments 5 and 6, after the log level), or null when
     * there are none.
     */
    static TransportSecurity fromInJvmArgs(List<String> args, ChannelOptions channel) {
        if (args.size() < 7) return null;
        SharedSecret s = args.get(5).isEmpty() ? null : of(args.get(5), "the parent");
        return options(s, parseSettings(args.get(6)), channel).security();
    }

    /** Settings as lines of {@code name=value}. */
    static String formatSettings(Map<String, String> settings) {
        StringBuilder sb = new StringBuilder();
        new java.util.TreeMap<>(settings).forEach((k, v) -> {
            if (k.contains("=") || k.contains("\n") || v.contains("\n")) {
                throw new RuntimeFailure("transport option \"" + k + "\" cannot be handed to a child: names may not contain '=' or line breaks, values no line breaks");
            }
            sb.append(k).append('=').append(v).append('\n');
        });
        return sb.toString();
    }

    static Map<String, String> parseSettings(String text) {
        Map<String, String> m = new java.util.HashMap<>();
        for (String line : text.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) m.put(line.substring(0, eq), line.substring(eq + 1));
        }
        return m;
    }

    private static SharedSecret of(String text, String source) {
        if (text.isBlank()) throw new RuntimeFailure("the shared secret from " + source + " is empty");
        return SharedSecret.of(text);
    }

    static SharedSecret fromFile(Path file, String source) {
        try {
            PosixFileAttributes a = Files.readAttributes(file, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (!a.isRegularFile()) throw unsafe(file, source, "it is not a regular file" + (a.isSymbolicLink() ? " (a symbolic link)" : ""));
            if (!a.owner().equals(ownUser())) {
                throw unsafe(file, source, "it belongs to \"" + a.owner().getName() + "\", not to this process's user");
            }
            Set<PosixFilePermission> loose = EnumSet.noneOf(PosixFilePermission.class);
            loose.addAll(a.permissions());
            loose.retainAll(GROUP_OR_OTHERS);
            if (!loose.isEmpty()) {
                throw unsafe(file, source, "its mode " + java.nio.file.attribute.PosixFilePermissions.toString(a.permissions())
                        + " gives group or others access (chmod 600 it)");
            }
            String text = Files.readString(file, StandardCharsets.UTF_8).stripTrailing();
            return of(text, source + " (" + file + ")");
        } catch (IOException e) {
            throw new RuntimeFailure("cannot read the shared secret file " + file + " named by " + source + ": " + e, e);
        } catch (UnsupportedOperationException e) {
            throw new RuntimeFailure("cannot check the permissions of the shared secret file " + file + " (no POSIX file attributes here)", e);
        }
    }

    /** This process's user: the owner of {@code /proc/self} where there is one, else looked up by name. */
    private static java.nio.file.attribute.UserPrincipal ownUser() throws IOException {
        Path proc = Path.of("/proc/self");
        if (Files.exists(proc)) return Files.getOwner(proc);
        return proc.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(System.getProperty("user.name"));
    }

    private static RuntimeFailure unsafe(Path file, String source, String why) {
        return new RuntimeFailure("refusing the shared secret file " + file + " named by " + source + ": " + why);
    }
}
