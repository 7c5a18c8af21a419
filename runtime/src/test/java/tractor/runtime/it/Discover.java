package tractor.runtime.it;

import tractor.Tractor;

/** Endpoints of the discovery scenarios (children load this class from the class path). */
public final class Discover {
    private Discover() {}

    /** The address the calling actor listens on. */
    public static String myAddress() {
        return Tractor.currentActor().address();
    }

    /** The registry address the calling actor knows. */
    public static String myRegistry() {
        return Tractor.currentActor().registryAddress();
    }

    /** Finds the actor named {@code name} by name and asks it its name; "none" when none is registered. */
    public static String findAndAsk(String name) {
        return Tractor.findActor(name).map(p -> p.run(Calls::whoAmI)).orElse("none");
    }
}
