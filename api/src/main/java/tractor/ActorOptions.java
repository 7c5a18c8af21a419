package tractor;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How to spawn one child actor. Immutable; the {@code with*}/{@code enable} methods return copies.
 *
 * {@snippet :
 * ActorOptions o = ActorOptions.of().enable(Primes.class).spawnBackend("thread");
 * }
 *
 * @param enabled        binary names of the classes whose public static methods peers may invoke
 * @param spawnBackend   the spawn backend's name, or null for the nursery's choice
 * @param logLevel       the child's log level, or null for the parent's
 * @param jvmOptions     extra JVM options for a child JVM
 * @param backendOptions backend-specific options (see each backend)
 * @param spawnTimeout   how long the child may take to connect back
 */
public record ActorOptions(List<String> enabled, String spawnBackend, String logLevel, List<String> jvmOptions,
                           Map<String, String> backendOptions, Duration spawnTimeout) {
    /** The default time a child may take to connect back. */
    public static final Duration DEFAULT_SPAWN_TIMEOUT = Duration.ofSeconds(30);

    public ActorOptions {
        enabled = List.copyOf(enabled);
        jvmOptions = List.copyOf(jvmOptions);
        backendOptions = Map.copyOf(backendOptions);
        Objects.requireNonNull(spawnTimeout, "spawnTimeout");
    }

    /** No enabled class, the nursery's backend, the parent's log level. */
    public static ActorOptions of() {
        return new ActorOptions(List.of(), null, null, List.of(), Map.of(), DEFAULT_SPAWN_TIMEOUT);
    }

    /** These options with {@code classes} enabled too. */
    public ActorOptions enable(Class<?>... classes) {
        List<String> e = new ArrayList<>(enabled);
        for (Class<?> c : classes) if (!e.contains(c.getName())) e.add(c.getName());
        return new ActorOptions(e, spawnBackend, logLevel, jvmOptions, backendOptions, spawnTimeout);
    }

    /** These options with classes enabled by binary name. */
    public ActorOptions enable(String... classNames) {
        List<String> e = new ArrayList<>(enabled);
        for (String c : classNames) if (!e.contains(c)) e.add(c);
        return new ActorOptions(e, spawnBackend, logLevel, jvmOptions, backendOptions, spawnTimeout);
    }

    /** These options with another spawn backend ({@code process}, {@code thread}, ...). */
    public ActorOptions spawnBackend(String name) {
        return new ActorOptions(enabled, name, logLevel, jvmOptions, backendOptions, spawnTimeout);
    }

    /** These options with another log level. */
    public ActorOptions logLevel(String level) {
        return new ActorOptions(enabled, spawnBackend, level, jvmOptions, backendOptions, spawnTimeout);
    }

    /** These options with more JVM options for a child JVM. */
    public ActorOptions jvmOptions(String... options) {
        List<String> j = new ArrayList<>(jvmOptions);
        j.addAll(List.of(options));
        return new ActorOptions(enabled, spawnBackend, logLevel, j, backendOptions, spawnTimeout);
    }

    /** These options with one backend-specific option. */
    public ActorOptions backendOption(String key, String value) {
        Map<String, String> b = new HashMap<>(backendOptions);
        b.put(key, value);
        return new ActorOptions(enabled, spawnBackend, logLevel, jvmOptions, b, spawnTimeout);
    }

    /**
     * These options with the backend option {@code host}: where a remote spawn backend starts the child
     * ({@code "user@hostB"} for the {@code ssh} backend); the same as {@code backendOption("host", host)}.
     */
    public ActorOptions host(String host) {
        return backendOption("host", host);
    }

    /** These options with another spawn timeout. */
    public ActorOptions spawnTimeout(Duration timeout) {
        return new ActorOptions(enabled, spawnBackend, logLevel, jvmOptions, backendOptions, timeout);
    }
}
