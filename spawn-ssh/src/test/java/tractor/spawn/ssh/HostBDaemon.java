package tractor.spawn.ssh;

import tractor.RootOptions;
import tractor.Tractor;
import tractor.sc.Sc;

/**
 * A daemon program for host B: a root actor named {@code daemon_b} that joins the tree whose registrar
 * is at {@code args[0]}, listening on {@code args[1]} (an address of host B), serving {@link Remote}
 * until SIGTERM. Prints {@code ready <address>} once registered. The tree's secret comes from the
 * environment ({@code TRACTOR_SECRET}).
 */
public final class HostBDaemon {
    private HostBDaemon() {}

    public static void main(String[] args) throws Exception {
        RootOptions o = RootOptions.of().name("daemon_b").enable(Remote.class).registryAddress(args[0]).bindAddresses(args[1]);
        Tractor.openRoot(Roots.with(o, System.getenv("TRACTOR_SECRET"), o.bindAddresses()), actor -> {
            System.out.println("ready " + actor.address());
            System.out.flush();
            Sc.sleepForever();
        });
    }
}
