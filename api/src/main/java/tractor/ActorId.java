package tractor;

import java.util.Objects;

/**
 * An actor's identity on the wire: its name and a unique id (tractor's {@code uid} 2-tuple). Names
 * are not unique; uuids are. Printed as {@code name@uuid-prefix} for humans.
 *
 * @param name the actor's name, as given at spawn
 * @param uuid a random UUID string, unique per actor incarnation
 */
public record ActorId(String name, String uuid) {
    public ActorId {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(uuid, "uuid");
    }

    /** A fresh identity named {@code name}. */
    public static ActorId random(String name) {
        return new ActorId(name, java.util.UUID.randomUUID().toString());
    }

    @Override
    public String toString() {
        return name + "@" + (uuid.length() > 8 ? uuid.substring(0, 8) : uuid);
    }
}
