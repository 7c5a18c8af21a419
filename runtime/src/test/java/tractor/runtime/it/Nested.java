package tractor.runtime.it;

import tractor.ActorOptions;
import tractor.Portal;
import tractor.RootOptions;
import tractor.Tractor;

/** Endpoints that open an actor nursery of their own inside a child and spawn a grandchild. */
public final class Nested {
    private Nested() {}

    /** Adds through a grandchild daemon; answers "grandchild-name:sum". */
    public static String addViaGrandchild(int a, int b) throws Exception {
        String[] out = new String[1];
        Tractor.openNursery(RootOptions.of(), an -> {
            Portal p = an.startActor("grandchild", ActorOptions.of().enable(Calls.class));
            out[0] = p.run(Calls::whoAmI) + ":" + p.run(Calls::add, a, b);
            p.cancelActor();
        });
        return out[0];
    }

    /** Runs Calls.fail in a one-shot grandchild: its error escapes this nursery (and this endpoint). */
    public static void failInGrandchild(String message) throws Exception {
        Tractor.openNursery(RootOptions.of(), an -> an.runInActor("grandchild", ActorOptions.of(),
                tractor.Endpoint.parse(Calls.class.getName() + "#fail"), message));
    }
}
