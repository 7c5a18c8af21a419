package tractor.examples;

import static tractor.examples.ExampleRoot.root;

import tractor.Portal;
import tractor.Tractor;
import tractor.sc.Sc;

/**
 * Run a function in a process (the seeds' {@code examples/parallelism/single_func.py}): {@code burnCpu}
 * runs in a new child JVM with {@code runInActor} while the root burns a core too, then the root waits
 * for the child's result, its pid. The child is reaped when the nursery block ends.
 *
 * <p>Watch the process tree from another terminal with {@code watch -n 0.1 pstree -a <pid>}.
 */
public final class SingleFunc {
    private SingleFunc() {}

    /** Burns a core for a while (checking for cancellation as it goes) and returns this JVM's pid. */
    public static long burnCpu() {
        long pid = ProcessHandle.current().pid();
        double x = 0;
        for (int i = 0; i < 50_000; i++) {
            for (int j = 0; j < 1_000; j++) x += Math.sqrt(i + j);
            if (i % 1_000 == 0) Sc.checkpoint();
        }
        if (x < 0) throw new AssertionError(); // keeps the loop from being optimized away
        return pid;
    }

    public static void main(String[] args) throws Exception {
        long[] pid = new long[1];
        Tractor.openNursery(root(), n -> {
            Portal portal = n.runInActor("burn_cpu", SingleFunc::burnCpu);

            // burn rubber in the parent too
            burnCpu();

            // wait on the result of the target function
            pid[0] = ((Number) portal.result()).longValue();
        });
        // end of the nursery block: the child was reaped
        System.out.println("Collected subproc " + pid[0]);
    }
}
