package tractor.examples;

import static tractor.examples.ExampleRoot.root;

import tractor.ActorOptions;
import tractor.Portal;
import tractor.Tractor;

/**
 * Spawning and causality, with a daemon: {@code startActor} spawns a long-lived actor that serves calls
 * to the classes it enabled until it is cancelled. The nursery block would wait for it forever, so the
 * root cancels it when done.
 */
public final class MovieTheatreQuestion {
    private MovieTheatreQuestion() {}

    /** A question asked in a dark theatre, in a tangent (errr, I mean different) process. */
    public static String movieTheatreQuestion() {
        return "have you ever seen a portal?";
    }

    public static void main(String[] args) throws Exception {
        Tractor.openNursery(root(), n -> {
            Portal portal = n.startActor("frank",
                    // enable the actor to run methods of this class
                    ActorOptions.of().enable(MovieTheatreQuestion.class));

            System.out.println(portal.run(MovieTheatreQuestion::movieTheatreQuestion));
            // call the subactor a 2nd time
            System.out.println(portal.run(MovieTheatreQuestion::movieTheatreQuestion));

            // the block would wait here forever for the daemon 'frank' to complete: cancel it
            portal.cancelActor();
        });
    }
}
