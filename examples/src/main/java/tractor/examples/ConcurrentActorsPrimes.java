package tractor.examples;

import static tractor.examples.ExampleRoot.root;

import java.util.ArrayList;
import java.util.List;
import tractor.ActorNursery;
import tractor.ActorOptions;
import tractor.Endpoints;
import tractor.Portal;
import tractor.Tractor;
import tractor.sc.Nursery;

/**
 * Worker pools are easy peasy (the seeds' {@code examples/parallelism/concurrent_actors_primes.py}):
 * the standard library's {@code ProcessPoolExecutor} prime example, re-built from actors. No executor,
 * no futures, no semaphores: a pool is N daemon actors, {@code map} runs one task per value that calls
 * a worker through its portal (round robin), and the results come back in the order of the values.
 */
public final class ConcurrentActorsPrimes {
    private ConcurrentActorsPrimes() {}

    static final List<Long> PRIMES = List.of(
            112272535095293L,
            112582705942171L,
            112272535095293L,
            115280095190773L,
            115797848077099L,
            1099726899285419L);

    public static boolean isPrime(long n) {
        if (n < 2) return false;
        if (n == 2) return true;
        if (n % 2 == 0) return false;
        long sqrtN = (long) Math.floor(Math.sqrt(n));
        for (long i = 3; i <= sqrtN; i += 2) {
            if (n % i == 0) return false;
        }
        return true;
    }

    /** A pool of worker actors that maps a function over values, like {@code executor.map}. */
    public record WorkerPool(List<Portal> portals) {
        /** Spawns {@code workers} actors that enable {@code classes}. */
        public static WorkerPool start(ActorNursery an, int workers, Class<?>... classes) {
            List<Portal> portals = new ArrayList<>();
            for (int i = 0; i < workers; i++) portals.add(an.startActor("worker_" + i, ActorOptions.of().enable(classes)));
            return new WorkerPool(portals);
        }

        /** Runs {@code fn} on every value, spread over the workers; the results in the values' order. */
        public <A, R> List<R> map(Endpoints.Fn1<A, R> fn, List<A> values) throws Exception {
            List<R> results = new ArrayList<>(java.util.Collections.nCopies(values.size(), null));
            Nursery.run(n -> {
                for (int i = 0; i < values.size(); i++) {
                    int index = i;
                    Portal worker = portals.get(i % portals.size());
                    n.startSoon("map-" + i, () -> results.set(index, worker.run(fn, values.get(index))));
                }
            });
            return results;
        }
    }

    public static void main(String[] args) throws Exception {
        long t0 = System.nanoTime();
        Tractor.openNursery(root(), an -> {
            WorkerPool pool = WorkerPool.start(an, 4, ConcurrentActorsPrimes.class);

            long start = System.nanoTime();
            List<Boolean> primes = pool.map(ConcurrentActorsPrimes::isPrime, PRIMES);
            for (int i = 0; i < PRIMES.size(); i++) System.out.println(PRIMES.get(i) + " is prime: " + primes.get(i));
            System.out.printf("processing took %.3f seconds%n", (System.nanoTime() - start) / 1e9);

            an.cancel();
        });
        System.out.printf("script took %.3f seconds%n", (System.nanoTime() - t0) / 1e9);
    }
}
