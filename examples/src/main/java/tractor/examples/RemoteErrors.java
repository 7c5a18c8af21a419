package tractor.examples;

import static tractor.examples.ExampleRoot.root;

import tractor.ActorOptions;
import tractor.RemoteActorError;
import tractor.Tractor;

/**
 * Remote error propagation, one-cancels-all (the seeds' {@code assert_err} example): three daemon
 * actors and one that fails at once. The failure is boxed in the failing child, sent to the root as a
 * {@link RemoteActorError}, the nursery cancels the three daemons, reaps every child and raises it.
 */
public final class RemoteErrors {
    private RemoteErrors() {}

    /** Python's {@code assert 0}. */
    public static void assertErr() {
        throw new AssertionError("assert 0");
    }

    public static void main(String[] args) throws Exception {
        try {
            Tractor.openNursery(root(), n -> {
                for (int i = 0; i < 3; i++) {
                    n.startActor("actor_" + i, ActorOptions.of().enable(RemoteErrors.class));
                }
                // start one actor that will fail immediately
                n.runInActor("assert_err", RemoteErrors::assertErr);
            });
            // the nursery raises here a RemoteActorError boxing the AssertionError, after every other actor
            // was cancelled and reaped
        } catch (RemoteActorError e) {
            System.out.println("Look Maa that actor failed hard, hehhh!");
            System.out.println("  error:       " + e.getMessage());
            System.out.println("  boxed type:  " + e.boxedType().map(Class::getName).orElse("? " + e.boxedTypeName()));
            System.out.println("  from actor:  " + e.srcUid().name());
            System.out.println("  message:     " + e.remoteMessage());
        }
    }
}
