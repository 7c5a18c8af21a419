package tractor.examples;

import static tractor.examples.ExampleRoot.root;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import tractor.ActorOptions;
import tractor.Portal;
import tractor.Tractor;
import tractor.sc.Nursery;

/**
 * Pauses in debug mode (tractor's {@code root_actor_breakpoint.py} and {@code multi_subactors.py}): the
 * root pauses, then two children pause at the same time. The root's terminal belongs to one paused
 * actor at a time; the other is announced as waiting and gets the terminal once the first is resumed
 * (Enter on the root's terminal, or a debugger attached to the child's JVM).
 */
public final class DebugPauses {
    private DebugPauses() {}

    /** Runs in a child: pause like a breakpoint, then go on. */
    public static String pauseOnce() {
        String me = Tractor.currentActor().name();
        Tractor.pause();
        return me + " went on";
    }

    public static void main(String[] args) throws Exception {
        Tractor.openNursery(root().debugMode(true), n -> {
            // in debug mode every child JVM gets a debugger agent, announced on this terminal
            Portal p1 = n.startActor("pauser_1", ActorOptions.of().enable(DebugPauses.class));
            Portal p2 = n.startActor("pauser_2", ActorOptions.of().enable(DebugPauses.class));

            Tractor.pause(); // the root pauses first
            System.out.println("the root went on");

            // both children pause at once: one owns the terminal, the other queues behind it
            List<String> done = new CopyOnWriteArrayList<>();
            Nursery.run(s -> {
                for (Portal p : List.of(p1, p2)) s.startSoon("ask " + p.peer().name(), () -> done.add(p.run(DebugPauses::pauseOnce)));
            });
            System.out.println(done.stream().sorted().toList());

            p1.cancelActor();
            p2.cancelActor();
        });
        System.out.println("the tree ended");
    }
}
