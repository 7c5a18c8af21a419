package tractor.runtime.it;

import tractor.RootOptions;
import tractor.Tractor;

/** Endpoints of test_root_runtime (68): a child trying to open a root of its own. */
public final class RootCalls {
    private RootCalls() {}

    public static void openSecondRoot() throws Exception {
        Tractor.openRoot(RootOptions.of().registryAddress("tcp://127.0.0.1:0"), a -> {
            throw new AssertionError("a second root opened inside actor " + a.uid());
        });
    }
}
