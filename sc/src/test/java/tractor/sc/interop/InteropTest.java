package tractor.sc.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tractor.sc.CancelScope;
import tractor.sc.Nursery;
import tractor.sc.Sc;
import tractor.testkit.Bounded;

/** {@link Interop#runFuture}: cancellation in both directions and error propagation. */
@Bounded(seconds = 10)
class InteropTest {
    private ExecutorService pool;

    @BeforeEach
    void pool() {
        pool = Executors.newFixedThreadPool(2);
    }

    @AfterEach
    void closePool() throws InterruptedException {
        pool.shutdownNow();
        assertTrue(pool.awaitTermination(5, TimeUnit.SECONDS), "the foreign pool's threads ended");
    }

    @Test
    void resultOfForeignWorkComesBack() throws Exception {
        assertEquals(42, Interop.runFuture(() -> CompletableFuture.supplyAsync(() -> 6 * 7, pool)));
    }

    @Test
    void scopeCancellationCancelsTheFutureAndInterruptsNothingElse() throws Exception {
        CompletableFuture<String> forever = new CompletableFuture<>();
        CancelScope s = CancelScope.moveOnAfter(Duration.ofMillis(50), cs -> Interop.runFuture(() -> forever));
        assertTrue(s.cancelledCaught());
        assertTrue(forever.isCancelled(), "the foreign future was cancelled with the scope");
    }

    @Test
    void cancelInterruptsForeignWorkRunningInAFutureTask() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch interrupted = new CountDownLatch(1);
        java.util.concurrent.FutureTask<Void> task = new java.util.concurrent.FutureTask<>(() -> {
            running.countDown();
            try {
                new CountDownLatch(1).await();
            } catch (InterruptedException e) {
                interrupted.countDown();
            }
            return null;
        });
        pool.execute(task);
        CompletableFuture<Void> bridged = new CompletableFuture<>() {
            @Override
            public boolean cancel(boolean mayInterrupt) {
                task.cancel(mayInterrupt);
                return super.cancel(mayInterrupt);
            }
        };
        CancelScope.moveOnAfter(Duration.ofMillis(30), cs -> {
            running.await();
            Interop.await(bridged);
        });
        assertTrue(interrupted.await(5, TimeUnit.SECONDS), "cancel(true) interrupted the foreign thread");
    }

    @Test
    void foreignFailureIsRaisedUnwrappedAndCancelsTheSiblings() {
        List<String> events = new ArrayList<>();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Nursery.run(n -> {
            n.startSoon("sibling", () -> {
                try {
                    Sc.sleepForever();
                } finally {
                    synchronized (events) {
                        events.add("sibling cancelled");
                    }
                }
            });
            n.startSoon("foreign", () -> Interop.runFuture(() -> CompletableFuture.supplyAsync(() -> {
                throw new IllegalArgumentException("bad input 7");
            }, pool)));
        }));
        assertEquals("bad input 7", e.getMessage());
        assertEquals(List.of("sibling cancelled"), events);
    }

    @Test
    void foreignSideCancellingItselfIsACancellationException() {
        CompletableFuture<String> f = new CompletableFuture<>();
        pool.execute(() -> f.cancel(false));
        assertThrows(CancellationException.class, () -> Interop.await(f));
    }

    @Test
    void aStartThatThrowsIsRaised() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Interop.runFuture(() -> {
            throw new IllegalStateException("no connection");
        }));
        assertEquals("no connection", e.getMessage());
        assertInstanceOf(IllegalStateException.class, e);
    }
}
