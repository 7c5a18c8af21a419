package tractor.runtime.it;

import tractor.ActorOptions;
import tractor.Portal;
import tractor.RootOptions;
import tractor.Tractor;
import tractor.sc.Nursery;
import tractor.sc.Sc;

/**
 * A root actor run as a JVM of its own, so that a test can signal or SIGKILL it:
 * {@code TreeRoot <mode> <pid file> [depth]}. Every actor of its tree appends its pid to the pid file
 * (the root first); the root then prints {@code READY} and blocks until it is signalled.
 *
 * <ul>
 *   <li>{@code tree <file> <depth>}: one one-shot child that recursively holds a chain of {@code depth}
 *       process actors below the root ({@link Faults#subtree});</li>
 *   <li>{@code sleepers <file>}: a daemon plus three one-shots sleeping forever, spawned from a task
 *       other than the nursery's body (tractor's {@code test_cancel_via_SIGINT[_other_task]}).</li>
 * </ul>
 */
public final class TreeRoot {
    private TreeRoot() {}

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        String file = args[1];
        Faults.appendPid(file);
        RootOptions root = RootOptions.of().spawnBackend("process").transport("tcp").registryAddress("tcp://127.0.0.1:0");
        Tractor.openNursery(root, an -> {
            switch (mode) {
                case "tree" -> {
                    an.runInActor("mid", Faults::subtree, file, Integer.parseInt(args[2]) - 1);
                    ready();
                }
                case "sleepers" -> {
                    Portal d = an.startActor("daemon", ActorOptions.of().enable(Calls.class));
                    Faults.appendPid(file, d.run(Calls::pid));
                    Nursery.run(n -> {
                        n.startSoon("spawner", () -> {
                            for (int i = 0; i < 3; i++) an.runInActor("sleeper" + i, Faults::subtree, file, 0);
                        });
                    });
                    ready();
                    Sc.sleepForever();
                }
                default -> throw new IllegalArgumentException(mode);
            }
        });
    }

    private static void ready() {
        System.out.println("READY");
        System.out.flush();
    }
}
