package tractor.spawn.process;

import java.io.IOException;
import java.util.concurrent.CountDownLatch;

/**
 * A child that obeys the stdin contract the way the runtime's child does: a daemon thread reads
 * standard input until end of file (the parent is gone), then halts the JVM. Prints {@code watching}
 * once the watcher runs, then blocks forever.
 */
public final class StdinWatchingChild {
    private StdinWatchingChild() {}

    public static void main(String[] args) throws InterruptedException {
        Thread.ofPlatform().daemon(true).name("parent-death watch").start(() -> {
            try {
                while (System.in.read() >= 0) {
                    // nothing is ever sent; a byte would be a protocol error, ignored here
                }
            } catch (IOException e) {
                // a broken pipe is a dead parent too
            }
            Runtime.getRuntime().halt(0);
        });
        System.out.println("watching");
        new CountDownLatch(1).await();
    }
}
