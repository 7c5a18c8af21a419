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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tractor.sc.CancelScope;
import tractor.sc.ClosedResourceException;
import tractor.sc.EndOfChannelException;
import tractor.sc.ExceptionGroup;
import tractor.testkit.Bounded;

/** {@link Interop#openChannelFrom}: the ports of tractor's inter-loop channel tests (124–140) that apply. */
@Bounded(seconds = 10)
class LinkedChannelTest {
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

    /** Foreign side: started(-1), then sends 0..n-1 (failing with {@code error} at 50 when given), returns "sent n". */
    private ForeignTask<Integer, Integer, String> counter(int n, RuntimeException error) {
        return chan -> CompletableFuture.supplyAsync(() -> {
            chan.started(-1);
            for (int i = 0; i < n; i++) {
                if (error != null && i == 50) throw error;
                chan.send(i);
            }
            return "sent " + n;
        }, pool);
    }

    /** Foreign echo: started("start"), then echoes each value until it receives "stop"; returns the count. */
    private ForeignTask<String, String, Integer> echo() {
        return chan -> {
            chan.started("start");
            CompletableFuture<Integer> done = new CompletableFuture<>();
            loop(chan, 0, done);
            return done;
        };
    }

    private void loop(ForeignEnd<String, String> chan, int count, CompletableFuture<Integer> done) {
        chan.receive().whenCompleteAsync((msg, err) -> {
            if (err != null) done.completeExceptionally(err);
            else if (msg.equals("stop")) done.complete(count);
            else {
                chan.send(msg);
                loop(chan, count + 1, done);
            }
        }, pool);
    }

    @Test
    void basicInterloopStreamInOrderThenEndOfChannel() throws Exception {
        List<Integer> got = new ArrayList<>();
        Interop.openChannelFrom(counter(100, null), (first, chan) -> {
            assertEquals(-1, first);
            for (int v : chan) got.add(v);
            assertEquals("sent 100", chan.result());
            assertThrows(EndOfChannelException.class, chan::receive);
        });
        assertEquals(100, got.size());
        assertEquals(99, got.getLast());
    }

    @Test
    void echoRoundTripsBothDirections() throws Exception {
        Interop.openChannelFrom(echo(), (first, chan) -> {
            assertEquals("start", first);
            for (int i = 0; i < 100; i++) {
                chan.send("ping " + i);
                assertEquals("ping " + i, chan.receive());
            }
            chan.send("stop");
            assertEquals(100, chan.result());
        });
    }

    @Test
    void foreignErrorCancelsTheBodyAndIsRaised() {
        IllegalStateException boom = new IllegalStateException("foreign side broke at 50");
        List<Integer> got = new ArrayList<>();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Interop.openChannelFrom(counter(100, boom), (first, chan) -> {
            while (true) got.add(chan.receive()); // never ends by itself: the foreign error cancels it
        }));
        assertEquals(boom, e);
        assertTrue(got.size() <= 50, "got " + got.size());
    }

    @Test
    void bodyErrorCancelsTheForeignSide() {
        CompletableFuture<Throwable> foreignSaw = new CompletableFuture<>();
        ForeignTask<String, String, Void> waiter = chan -> {
            chan.started("ready");
            return chan.receive().handle((v, e) -> {
                foreignSaw.complete(e);
                return null;
            });
        };
        ArithmeticException e = assertThrows(ArithmeticException.class, () -> Interop.openChannelFrom(waiter, (first, chan) -> {
            throw new ArithmeticException("task side failed");
        }));
        assertEquals("task side failed", e.getMessage());
        assertInstanceOf(CancellationException.class, foreignSaw.join(), "the foreign side's pending receive failed");
    }

    @Test
    void scopeCancellationCancelsTheForeignFuture() throws Exception {
        CompletableFuture<Void> forever = new CompletableFuture<>();
        CompletableFuture<Void> closedSeen = new CompletableFuture<>();
        CancelScope s = CancelScope.moveOnAfter(Duration.ofMillis(50), cs -> Interop.openChannelFrom((ForeignEnd<String, String> chan) -> {
            chan.started("up");
            chan.closed().thenRun(() -> closedSeen.complete(null));
            return forever;
        }, (first, chan) -> chan.receive()));
        assertTrue(s.cancelledCaught());
        assertTrue(forever.isCancelled(), "the foreign stage was cancelled");
        assertTrue(closedSeen.isDone(), "the foreign side saw the task leave");
    }

    @Test
    void foreignCancelledByItselfIsRaisedAsCancellationException() {
        assertThrows(CancellationException.class, () -> Interop.openChannelFrom((ForeignEnd<String, String> chan) -> {
            chan.started("up");
            CompletableFuture<Void> f = new CompletableFuture<>();
            pool.execute(() -> f.cancel(false));
            return f;
        }, (first, chan) -> chan.receive()));
    }

    @Test
    void foreignFailureBeforeStartedIsRaised() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Interop.openChannelFrom(
                (ForeignEnd<String, String> chan) -> CompletableFuture.supplyAsync(() -> {
                    throw new IllegalStateException("asyncio-side");
                }, pool), (first, chan) -> {
                    throw new AssertionError("the body must not run");
                }));
        assertEquals("asyncio-side", e.getMessage());
    }

    @Test
    void foreignReturningWithoutStartedIsAnError() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Interop.openChannelFrom(
                (ForeignEnd<String, String> chan) -> CompletableFuture.completedFuture("done"), (first, chan) -> {}));
        assertTrue(e.getMessage().endsWith("ended without calling started()"), e.getMessage());
    }

    @Test
    void bothSidesFailingIndependentlyIsAGroup() {
        IllegalStateException foreign = new IllegalStateException("asyncio-side");
        ExceptionGroup g = assertThrows(ExceptionGroup.class, () -> Interop.openChannelFrom((ForeignEnd<String, String> chan) -> {
            chan.started("up");
            return CompletableFuture.failedFuture(foreign);
        }, (first, chan) -> {
            try {
                chan.receive();
            } finally {
                throw new IllegalArgumentException("trio-side");
            }
        }));
        assertEquals(2, g.exceptions().size(), g.toString());
    }

    @Test
    void sendingAfterTheBodyEndedIsClosed() throws Exception {
        @SuppressWarnings("unchecked") LinkedChannel<String, String, Void>[] kept = new LinkedChannel[1];
        Interop.openChannelFrom((ForeignEnd<String, String> chan) -> {
            chan.started("up");
            return new CompletableFuture<Void>();
        }, (first, chan) -> kept[0] = chan);
        assertThrows(ClosedResourceException.class, () -> kept[0].send("late"));
    }
}
