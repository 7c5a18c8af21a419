package tractor.spawn.process;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import tractor.spawn.spi.ChildEntry;
import tractor.spawn.spi.SpawnRequest;
import tractor.spawn.tck.TckChild;

/**
 * The middle JVM of the warm pool's parent-death test: opts into a pool of two, spawns one child
 * (cold), waits for the two pooled JVMs, prints {@code pooled <pid> <pid>}, then blocks until killed.
 */
public final class PoolMiddleMain {
    private PoolMiddleMain() {}

    public static void main(String[] args) throws InterruptedException {
        ProcessBackend backend = new ProcessBackend();
        backend.spawn(SpawnRequest.of("first", UUID.randomUUID().toString(), new ChildEntry(null, TckChild.class.getName(), null),
                List.of("print", "x")).withOption(WarmPool.OPTION, "2"));
        if (!backend.pool().awaitIdle(2, Duration.ofSeconds(20))) throw new IllegalStateException("pool did not fill: " + backend);
        List<Long> pids = backend.pool().idlePids();
        System.out.println("pooled " + pids.get(0) + " " + pids.get(1));
        new CountDownLatch(1).await();
    }
}
