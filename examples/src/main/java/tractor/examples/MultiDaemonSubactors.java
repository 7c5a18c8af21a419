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
 * {@code bp_forever} pausing before every value it streams, {@code name_error} failing a call once the first
 * value arrived. Their
 * holds take the root's terminal in turn; once {@code name_error}'s crash is released its error reaches
 * the root, which is held too, then cancels {@code bp_forever} and raises.
 */
public final class MultiDaemonSubactors {
    private MultiDaemonSubactors() {}

    /** Indefinitely re-enter the debugger in a child actor. */
    public static void breakpointForever(Emitter out) {
        while (true) {
            Tractor.pause();
            out.emit("yo");
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
                    // once bp_forever's first pause is released (tractor's version races the two daemons here)
                    System.out.println("bp_forever says " + stream.receive());
                    p1.run(MultiDaemonSubactors::nameError);
                }
            });
        } catch (RemoteActorError e) {
            System.out.println("the root raised " + e.boxedTypeName() + " from " + e.srcUid().name());
        }
    }
}
