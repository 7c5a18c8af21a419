package tractor.spawn.spi;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a parent asks a spawn backend for: start a child actor that will run {@code entry} with
 * {@code args}. Everything after the start (the child connecting back, the identity handshake, the
 * spawn spec) is protocol between the runtimes; the backend only launches and supervises.
 *
 * @param actorName   the child's name (for logs, thread names and line prefixes)
 * @param actorUuid   the child's unique id
 * @param entry       where the child starts
 * @param args        the arguments of the child's entry point
 * @param environment extra environment variables for a child process (ignored by in-JVM backends)
 * @param jvmOptions  extra JVM options for a child JVM (ignored by in-JVM backends)
 * @param options     backend-specific options by name (for instance {@code host} for a remote backend)
 */
public record SpawnRequest(String actorName, String actorUuid, ChildEntry entry, List<String> args,
                           Map<String, String> environment, List<String> jvmOptions, Map<String, String> options) {
    public SpawnRequest {
        Objects.requireNonNull(actorName, "actorName");
        Objects.requireNonNull(actorUuid, "actorUuid");
        Objects.requireNonNull(entry, "entry");
        args = List.copyOf(args);
        environment = Map.copyOf(environment);
        jvmOptions = List.copyOf(jvmOptions);
        options = Map.copyOf(options);
    }

    /** A request with no extra environment, JVM options or backend options. */
    public static SpawnRequest of(String actorName, String actorUuid, ChildEntry entry, List<String> args) {
        return new SpawnRequest(actorName, actorUuid, entry, args, Map.of(), List.of(), Map.of());
    }

    /** The request with one more backend option. */
    public SpawnRequest withOption(String key, String value) {
        Map<String, String> o = new java.util.HashMap<>(options);
        o.put(key, value);
        return new SpawnRequest(actorName, actorUuid, entry, args, environment, jvmOptions, o);
    }

    /** Shows the environment's names only: its values may hold the tree's shared secret. */
    @Override
    public String toString() {
        return "SpawnRequest[actorName=" + actorName + ", actorUuid=" + actorUuid + ", entry=" + entry + ", args=" + args
                + ", environment=" + environment.keySet() + ", jvmOptions=" + jvmOptions + ", options=" + options + "]";
    }

    /** A bound used by backends that wait on their own (never a wait for the child's runtime). */
    public static final Duration DEFAULT_STOP_GRACE = Duration.ofMillis(1600);
}
