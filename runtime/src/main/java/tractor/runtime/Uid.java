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

    @Override
    public String toString() {
        return "('" + name + "', '" + uuid + "')";
    }
}
