package tractor.runtime.it;

import tractor.ActorOptions;
import tractor.Portal;
import tractor.RootOptions;
import tractor.Tractor;

/** A child that calls its own grandchild's class that the grandchild did not enable (test_rpc 51, relayed). */
public final class Relay {
    private Relay() {}

    public static void callUnexposedInGrandchild() throws Exception {
        Tractor.openNursery(RootOptions.of(), an -> {
            Portal p = an.startActor("grandchild", ActorOptions.of());
            try {
                p.run(Calls::add, 1, 2);
            } finally {
                p.cancelActor();
            }
        });
    }
}
