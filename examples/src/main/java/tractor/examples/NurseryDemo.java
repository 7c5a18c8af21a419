package tractor.examples;

import java.time.Duration;
import tractor.sc.Cancelled;
import tractor.sc.Nursery;
import tractor.sc.Sc;

/**
 * The structured-concurrency core on its own: a nursery of tasks in which one fails, the others are
 * cancelled, and the nursery ends only after every task has ended, rethrowing the failure. Printed as
 * it happens.
 */
public final class NurseryDemo {
    private NurseryDemo() {}

    public static void main(String[] args) throws Exception {
        long t0 = System.nanoTime();
        try {
            Nursery.run(n -> {
                for (int i = 1; i <= 3; i++) {
                    int id = i;
                    n.startSoon("sleeper-" + id, () -> sleeper(id, t0));
                }
                n.startSoon("doomed", () -> {
                    Sc.sleep(Duration.ofMillis(300));
                    say(t0, "doomed: failing now");
                    throw new IllegalStateException("doomed task failed");
                });
                say(t0, "main: started 4 tasks, waiting for all of them");
            });
        } catch (IllegalStateException e) {
            say(t0, "main: nursery ended with " + e);
        }
        say(t0, "main: every task has ended, live tasks: " + tractor.sc.Diagnostics.liveTaskNames());
    }

    private static void sleeper(int id, long t0) {
        say(t0, "sleeper-" + id + ": sleeping forever");
        try {
            Sc.sleepForever();
        } catch (Cancelled c) {
            say(t0, "sleeper-" + id + ": cancelled, cleaning up");
            throw c;
        }
    }

    static void say(long t0, String what) {
        System.out.printf("[%4d ms] %s%n", (System.nanoTime() - t0) / 1_000_000, what);
        System.out.flush();
    }
}
