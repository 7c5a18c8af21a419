package tractor.runtime.it;

import tractor.Tractor;

/** Endpoints of the debug mode tests. */
public final class DebugCalls {
    private DebugCalls() {}

    public static void pause() {
        Tractor.pause();
    }

    /** Spawns a grandchild that pauses (outside debug mode: it fails). */
    public static void pauseInGrandchild() throws Exception {
        Tractor.openNursery(an -> an.runInActor("grandchild", DebugCalls::pause));
    }
}
