package tractor.examples;

import static tractor.examples.ExampleRoot.root;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import tractor.Tractor;
import tractor.sc.Sc;

/**
 * Zombie safe: self-destruct a process tree (the seeds' {@code examples/parallelism/we_are_processes.py}).
 * One child JVM per core, each saying who it is, then the root raises an error: the nursery cancels
 * every child and reaps it before the error leaves it. The example then checks, with
 * {@link ProcessHandle}, that every process of the tree is gone.
 *
 * <p>Watch the process tree from another terminal with {@code watch -n 0.1 pstree -a <pid>}.
 */
public final class WeAreProcesses {
    private WeAreProcesses() {}

    public static void target() {
        System.out.println("Yo, i'm '" + Tractor.currentActor().name() + "' running in pid " + ProcessHandle.current().pid());
        Sc.sleepForever();
    }

    public static void main(String[] args) throws Exception {
        List<ProcessHandle> tree = new CopyOnWriteArrayList<>();
        try {
            // tractor's example runs with no log level, which shows no runtime lines: warnings and errors only here
            Tractor.openNursery(root().logLevel("warning"), n -> {
                for (int i = 0; i < Runtime.getRuntime().availableProcessors(); i++) {
                    n.runInActor("worker_" + i, WeAreProcesses::target);
                }
                tree.addAll(ProcessHandle.current().descendants().toList());

                System.out.println("This process tree will self-destruct in 1 sec...");
                Sc.sleep(Duration.ofSeconds(1));

                // raise an error in the root actor and trigger the reaping of all minions
                throw new Exception("Self Destructed");
            });
        } catch (Exception e) {
            System.out.println("Zombies Contained");
        }
        // the nursery has reaped every child before the error left it: no process of the tree is alive
        List<Long> alive = tree.stream().filter(ProcessHandle::isAlive).map(ProcessHandle::pid).toList();
        List<Long> pids = tree.stream().map(ProcessHandle::pid).toList();
        System.out.println(alive.isEmpty()
                ? "All " + tree.size() + " child processes are gone " + pids
                : "ZOMBIES: still alive " + alive);
    }
}
