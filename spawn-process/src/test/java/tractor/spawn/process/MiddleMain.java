package tractor.spawn.process;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import tractor.spawn.spi.ChildEntry;
import tractor.spawn.spi.ChildHandle;
import tractor.spawn.spi.SpawnRequest;

/**
 * The middle JVM of the parent-death test: spawns a {@link StdinWatchingChild} through the process
 * backend, prints {@code grandchild <pid>}, then blocks until it is killed.
 */
public final class MiddleMain {
    private MiddleMain() {}

    public static void main(String[] args) throws InterruptedException {
        ProcessBackend backend = new ProcessBackend();
        ChildHandle grandchild = backend.spawn(SpawnRequest.of("grandchild", UUID.randomUUID().toString(),
                new ChildEntry(null, StdinWatchingChild.class.getName(), null), List.of()));
        System.out.println("grandchild " + grandchild.pid().orElseThrow());
        new CountDownLatch(1).await();
    }
}
