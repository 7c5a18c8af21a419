package tractor.spawn.ssh;

import tractor.ActorOptions;
import tractor.Portal;
import tractor.Tractor;
import tractor.sc.Sc;

/**
 * A root program on host A for the parent-death test: spawns two actors on host B through ssh, prints
 * {@code pid <n>} for each remote JVM and {@code ready}, then waits to be killed. Arguments: the
 * backend options as {@code key=value}.
 */
public final class SshRootMain {
    private SshRootMain() {}

    public static void main(String[] args) throws Exception {
        ActorOptions o = ActorOptions.of().enable(Remote.class).spawnBackend("ssh");
        for (String a : args) {
            String[] kv = a.split("=", 2);
            o = o.backendOption(kv[0], kv[1]);
        }
        ActorOptions opts = o;
        Tractor.openNursery(Roots.onA("doomed_root"), n -> {
            for (String name : new String[] {"orphan_1", "orphan_2"}) {
                Portal p = n.startActor(name, opts);
                System.out.println("pid " + p.run(Remote::pid));
            }
            System.out.println("ready");
            System.out.flush();
            Sc.sleepForever();
        });
    }

}
