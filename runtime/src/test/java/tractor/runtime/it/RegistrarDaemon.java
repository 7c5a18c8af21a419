package tractor.runtime.it;

import tractor.RootOptions;
import tractor.Tractor;

/**
 * A registrar run as a daemon program of its own: {@code RegistrarDaemon <registry address>}. It prints
 * {@code SERVING <address>} once it listens and serves {@link Calls} until a peer cancels it (or a signal
 * ends it), then prints {@code daemon done}.
 */
public final class RegistrarDaemon {
    private RegistrarDaemon() {}

    public static void main(String[] args) throws Exception {
        String registry = args[0];
        RootOptions root = RootOptions.of().name("registrar").spawnBackend("thread").transport(registry.startsWith("uds") ? "uds" : "tcp")
                .registryAddress(registry).ensureRegistry(true).enable(Calls.class);
        Tractor.runDaemon(root, actor -> System.out.println("SERVING " + actor.address()));
        System.out.println("daemon done");
    }
}
