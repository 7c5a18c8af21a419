package tractor.runtime.it;

import tractor.ActorOptions;
import tractor.Portal;
import tractor.RootOptions;
import tractor.Tractor;
import tractor.sc.Sc;

/**
 * A second, separately started program pointed at another program's registry:
 * {@code OtherProgram <registry address>}. Its root {@code other} starts a child {@code beta}, which waits
 * for the actor {@code alpha} of the first program by name and calls it; the root then prints
 * {@code READY} and serves until a peer cancels it, and prints {@code other done} on its way out.
 */
public final class OtherProgram {
    private OtherProgram() {}

    public static void main(String[] args) throws Exception {
        String registry = args[0];
        RootOptions root = RootOptions.of().name("other").spawnBackend("thread").transport(registry.startsWith("uds") ? "uds" : "tcp")
                .registryAddress(registry).enable(Calls.class);
        Tractor.openNursery(root, an -> {
            System.out.println("other is registrar: " + Tractor.currentActor().isRegistrar());
            Portal beta = an.startActor("beta", ActorOptions.of().enable(Calls.class));
            System.out.println("beta found " + beta.run(Calls::waitAndAsk, "alpha"));
            System.out.println("READY");
            Sc.sleepForever();
        });
        System.out.println("other done");
    }
}
