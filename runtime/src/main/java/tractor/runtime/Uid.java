package tractor.runtime;

import java.util.Objects;

/**
 * An actor's unique id as tractor ships it: the 2-element array {@code [name, uuid]}.
 *
 * @param name the actor's name, never null
 * @param uuid the actor's uuid string, never null
 */
public record Uid(String name, String uuid) {
    /** @throws NullPointerException if {@code name} or {@code uuid} is null */
    public Uid {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(uuid, "uuid");
    }

    // equals and hashCode written out: a record's generated ones link through ObjectMethods.bootstrap at their
    // first call in every JVM, ~6-13 ms each in a fresh C1 child (bench/README, spawn: the child JVM)
    @Override
    public boolean equals(Object o) {
        return o instanceof Uid u && name.equals(u.name) && uuid.equals(u.uuid);
    }

    @Override
    public int hashCode() {
        return 31 * name.hashCode() + uuid.hashCode();
    }

    @Override
    public String toString() {
        return "('" + name + "', '" + uuid + "')";
    }
}
