package tractor.spawn.ssh;

import java.net.Inet4Address;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.List;
import tractor.ActorOptions;
import tractor.Context;
import tractor.Portal;
import tractor.Tractor;
import tractor.MsgStream;
import tractor.sc.Sc;

/** Endpoints the multi-host tests run on the other host. */
public final class Remote {
    private Remote() {}

    /** The IPv4 addresses of the host this actor runs on (its network namespace), loopback left out. */
    public static List<String> addresses() throws SocketException {
        List<String> out = new ArrayList<>();
        for (NetworkInterface i : NetworkInterface.networkInterfaces().toList()) {
            i.inetAddresses().filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress()).forEach(a -> out.add(a.getHostAddress()));
        }
        return out;
    }

    public static long pid() {
        return ProcessHandle.current().pid();
    }

    public static String classPath() {
        return System.getProperty("java.class.path");
    }

    /** Starts with this host's addresses, then echoes the stream until the other side closes it; returns the count. */
    public static int echo(Context ctx) throws SocketException {
        ctx.started(addresses());
        int n = 0;
        try (MsgStream s = ctx.openStream()) {
            for (Object m : s) {
                s.send(m);
                n++;
            }
        }
        return n;
    }

    /**
     * A subtree under a context: spawns a {@code leaf} actor (a child JVM on this host), starts with
     * {@code [this pid, leaf pid]}, then streams a tick every 100 ms until the context ends. Prints how
     * it ended ({@code subtree ended: ...}), so the test sees this side's view of a partition.
     */
    public static void subtree(Context ctx) throws Exception {
        try {
            Tractor.openNursery(n -> {
                Portal leaf = n.startActor("leaf", ActorOptions.of().enable(Remote.class).spawnBackend("process"));
                ctx.started(List.of(pid(), leaf.run(Remote::pid)));
                try (MsgStream s = ctx.openStream()) {
                    for (long i = 0; ; i++) {
                        s.send(i);
                        Sc.sleep(java.time.Duration.ofMillis(100));
                    }
                }
            });
        } catch (Throwable t) {
            System.out.println("subtree ended: " + t);
            throw t;
        }
    }
}
