package tractor.examples;

import static tractor.examples.ExampleRoot.root;

import tractor.RemoteActorError;
import tractor.Tractor;

/**
 * Crash handling in debug mode through a nested tree (tractor's {@code subactor_error.py} and
 * {@code multi_nested_subactors_error_up_through_nurseries.py}): root → {@code spawner} →
 * {@code name_error}. The grandchild's error holds the grandchild first (not torn down: its report is
 * on the root's terminal until Enter is pressed); released, it propagates to {@code spawner}, which is
 * held in turn with the boxed error, then the root; then the error leaves the root as usual.
 */
public final class DebugNestedCrash {
    private DebugNestedCrash() {}

    /** Runs in the grandchild: Python's {@code getattr(doggypants)}. */
    public static void nameError() throws NoSuchFieldException {
        DebugNestedCrash.class.getField("doggypants");
    }

    /** Runs in the middle actor: spawns the failing grandchild. */
    public static void spawnNameError() throws Exception {
        Tractor.openNursery(an -> an.runInActor("name_error", DebugNestedCrash::nameError));
    }

    public static void main(String[] args) throws Exception {
        try {
            Tractor.openNursery(root().debugMode(true), n -> n.runInActor("spawner", DebugNestedCrash::spawnNameError));
        } catch (RemoteActorError e) {
            System.out.println("the root raised " + e.boxedTypeName() + " from " + e.srcUid().name() + " via "
                    + e.relayPath().stream().map(a -> a.name()).toList());
        }
    }
}
