package tractor;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How to open a flat cluster of actors with {@link Tractor#openActorCluster} (tractor's
 * {@code open_actor_cluster}). Immutable; every setter returns a copy.
 *
 * {@snippet :
 * ClusterOptions.of(Primes.class)            // one worker per available processor
 *         .count(4)                          // or exactly four: worker_0 .. worker_3
 *         .names("ann", "bob");              // or these names (and as many workers)
 * }
 *
 * @param count  how many actors, at least 1
 * @param names  the actors' names, or empty for {@code worker_0} .. {@code worker_<count-1>}
 * @param actor  the options every actor is started with (the classes it enables, its backend, ...)
 * @param root   the root's options, used when the calling task belongs to no actor yet
 */
public record ClusterOptions(int count, List<String> names, ActorOptions actor, RootOptions root) {
    /**
     * @throws IllegalArgumentException if {@code count} is below 1, or names are given and their number
     *     is not {@code count}; the message quotes both
     */
    public ClusterOptions {
        names = List.copyOf(names);
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(root, "root");
        if (count < 1) throw new IllegalArgumentException("a cluster needs at least one actor, got count " + count);
        if (!names.isEmpty() && names.size() != count) {
            throw new IllegalArgumentException("a cluster of count " + count + " needs as many names, got " + names.size() + ": " + names);
        }
    }

    /** One actor per available processor, named {@code worker_<i>}, each enabling {@code enabled}. */
    public static ClusterOptions of(Class<?>... enabled) {
        return new ClusterOptions(Runtime.getRuntime().availableProcessors(), List.of(), ActorOptions.of().enable(enabled), RootOptions.of());
    }

    /** These options with {@code n} actors named {@code worker_<i>}. */
    public ClusterOptions count(int n) {
        return new ClusterOptions(n, List.of(), actor, root);
    }

    /** These options with one actor per name. */
    public ClusterOptions names(String... actorNames) {
        return new ClusterOptions(actorNames.length, List.of(actorNames), actor, root);
    }

    /** These options with every actor started with {@code options}. */
    public ClusterOptions actor(ActorOptions options) {
        return new ClusterOptions(count, names, options, root);
    }

    /** These options with a root booted with {@code options} when none runs. */
    public ClusterOptions root(RootOptions options) {
        return new ClusterOptions(count, names, actor, options);
    }

    /** The actors' names, in order. */
    public List<String> actorNames() {
        if (!names.isEmpty()) return names;
        List<String> out = new ArrayList<>();
        for (int i = 0; i < count; i++) out.add("worker_" + i);
        return List.copyOf(out);
    }
}
