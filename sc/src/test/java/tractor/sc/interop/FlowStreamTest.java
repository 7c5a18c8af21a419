package tractor.sc.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.SubmissionPublisher;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tractor.sc.CancelScope;
import tractor.testkit.Bounded;

/** {@link Interop#subscribe}: flow control, completion, cancellation both ways, errors. */
@Bounded(seconds = 10)
class FlowStreamTest {
    private ExecutorService pool;

    @BeforeEach
    void pool() {
        pool = Executors.newFixedThreadPool(2);
    }

    @AfterEach
    void closePool() throws InterruptedException {
        pool.shutdownNow();
        assertTrue(pool.awaitTermination(5, TimeUnit.SECONDS));
    }

    /** A publisher of 0..n-1 that honours demand and records the most ever requested ahead. */
    static final class Counting implements Flow.Publisher<Integer> {
        final int n;
        final AtomicLong maxOutstanding = new AtomicLong();
        final CountDownLatch cancelled = new CountDownLatch(1);
        final RuntimeException failAt50;

        Counting(int n, RuntimeException failAt50) {
            this.n = n;
            this.failAt50 = failAt50;
        }

        @Override
        public void subscribe(Flow.Subscriber<? super Integer> s) {
            s.onSubscribe(new Flow.Subscription() {
                long demand;
                int next;
                boolean done;

                @Override
                public synchronized void request(long k) {
                    demand += k;
                    maxOutstanding.accumulateAndGet(demand, Math::max);
                    while (demand > 0 && next < n && !done) {
                        if (failAt50 != null && next == 50) {
                            done = true;
                            s.onError(failAt50);
                            return;
                        }
                        demand--;
                        s.onNext(next++);
                    }
                    if (next == n && !done) {
                        done = true;
                        s.onComplete();
                    }
                }

                @Override
                public void cancel() {
                    cancelled.countDown();
                }
            });
        }
    }

    @Test
    void everyValueInOrderWithAtMostThePrefetchRequested() throws Exception {
        Counting p = new Counting(1000, null);
        List<Integer> got = new ArrayList<>();
        Interop.subscribe(p, 16, stream -> {
            for (int v : stream) got.add(v);
        });
        assertEquals(1000, got.size());
        for (int i = 0; i < 1000; i++) assertEquals(i, got.get(i));
        assertTrue(p.maxOutstanding.get() <= 16, "requested ahead: " + p.maxOutstanding.get());
    }

    @Test
    void leavingEarlyCancelsTheSubscription() throws Exception {
        Counting p = new Counting(Integer.MAX_VALUE, null);
        Interop.subscribe(p, 8, stream -> {
            for (int i = 0; i < 10; i++) assertEquals(i, stream.receive());
        });
        assertTrue(p.cancelled.await(1, TimeUnit.SECONDS));
    }

    @Test
    void scopeCancellationCancelsTheSubscription() throws Exception {
        CountDownLatch cancelled = new CountDownLatch(1);
        Flow.Publisher<String> silent = s -> s.onSubscribe(new Flow.Subscription() {
            @Override
            public void request(long n) {
                // never publishes
            }

            @Override
            public void cancel() {
                cancelled.countDown();
            }
        });
        CancelScope s = CancelScope.moveOnAfter(Duration.ofMillis(50), cs -> Interop.subscribe(silent, 4, FlowStream::receive));
        assertTrue(s.cancelledCaught());
        assertEquals(0, cancelled.getCount(), "the subscription was cancelled before subscribe() returned");
    }

    @Test
    void publisherErrorCancelsTheBodyAndIsRaised() {
        IllegalStateException boom = new IllegalStateException("feed broke at 50");
        List<Integer> got = new ArrayList<>();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Interop.subscribe(new Counting(100, boom), 8, stream -> {
            for (int v : stream) got.add(v);
        }));
        assertEquals(boom, e);
        assertTrue(got.size() <= 50, "got " + got.size());
    }

    @Test
    void aSubmissionPublisherOnItsOwnExecutor() throws Exception {
        List<Integer> got = new ArrayList<>();
        try (SubmissionPublisher<Integer> pub = new SubmissionPublisher<>(pool, 8)) {
            Interop.subscribe(pub, 8, stream -> {
                pool.execute(() -> { // subscribed: nothing submitted from now on is dropped
                    for (int i = 0; i < 200; i++) pub.submit(i);
                    pub.close();
                });
                for (int v : stream) got.add(v);
            });
        }
        assertEquals(200, got.size());
        assertEquals(199, got.getLast());
    }

    @Test
    void prefetchMustBePositive() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Interop.subscribe(new Counting(1, null), 0, s -> {}));
        assertEquals("prefetch must be >= 1, got 0", e.getMessage());
    }
}
