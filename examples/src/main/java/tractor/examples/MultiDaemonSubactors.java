package tractor.examples;

import static tractor.examples.ExampleRoot.root;

import tractor.ActorOptions;
import tractor.Emitter;
import tractor.MsgStream;
import tractor.Portal;
import tractor.RemoteActorError;
import tractor.Tractor;

/**
 * The README's debugging example ({@code multi_daemon_subactors.py}): two daemons in debug mode,
 * {@code bp_forever} streaming and pausing after every value, {@code name_error} failing a call. Their
 * holds take the root's terminal in turn; once {@code name_error}'s crash is released its error reaches
 * the root, which is held too, then cancels {@code bp_forever} and raises.
 */
public final class MultiDaemonSubactors {
    private MultiDaemonSubactors() {}

    /** Indefinitely re-enter the debugger in a child actor. */
    public static void breakpointForever(Emitter out) {
        while (true) {
            out.emit("yo");
            Tractor.pause();
        }
    }

    /** Python's {@code getattr(doggypants)}. */
    public static void nameError() throws NoSuchFieldException {
        MultiDaemonSubactors.class.getField("doggypants");
    }

    public static void main(String[] args) throws Exception {
        try {
            Tractor.openNursery(root().debugMode(true), n -> {
                Portal p0 = n.startActor("bp_forever", ActorOptions.of().enable(MultiDaemonSubactors.class));
                Portal p1 = n.startActor("name_error", ActorOptions.of().enable(MultiDaemonSubactors.class));

                try (MsgStream stream = p0.openStreamFrom(MultiDaemonSubactors::breakpointForever)) {
                    p1.run(MultiDaemonSubactors::nameError);
                }
            });
        } catch (RemoteActorError e) {
            System.out.println("the root raised " + e.boxedTypeName() + " from " + e.srcUid().name());
        }
    }
}
