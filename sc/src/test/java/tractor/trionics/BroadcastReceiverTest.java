package tractor.trionics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import tractor.sc.CancelScope;
import tractor.sc.ClosedResourceException;
import tractor.sc.EndOfChannelException;
import tractor.sc.Event;
import tractor.sc.MemoryChannel;
import tractor.sc.Nursery;
import tractor.sc.ReceiveChannel;
import tractor.sc.Sc;
import tractor.sc.SendChannel;
import tractor.sc.TooSlowException;
import tractor.testkit.Bounded;

/**
 * The boundary cases of {@link BroadcastReceiver} and ports of tractor's
 * tests/test_task_broadcasting.py (scenarios 76–83). Scenarios 76–79 stream from a remote actor in
 * tractor; here the producer is a local task sending into a memory channel.
 */
@Bounded(seconds = 15)
class BroadcastReceiverTest {

    /** A receiver with {@code 0..n-1} buffered and its sender closed. */
    private static ReceiveChannel<Integer> filled(int n) {
        MemoryChannel<Integer> ch = Sc.openMemoryChannel(n);
        try (SendChannel<Integer> tx = ch.sender()) {
            for (int i = 0; i < n; i++) tx.sendNowait(i);
        }
        return ch.receiver();
    }

    private static List<Integer> range(int from, int to) {
        return IntStream.range(from, to).boxed().toList();
    }

    @Test
    void exactlyBufferSizeBehindReadsTheOldestValue() {
        try (ReceiveChannel<Integer> rx = filled(10); BroadcastReceiver<Integer> first = BroadcastReceiver.of(rx, 4);
             BroadcastReceiver<Integer> slow = first.subscribe()) {
            for (int i = 0; i < 4; i++) assertEquals(i, first.receive());
            assertEquals(4, slow.lag());
            assertEquals(0, slow.receive(), "a lag of exactly maxBufferSize still reads the oldest value");
            assertEquals(4, first.receive());
            assertEquals(4, slow.lag());
            assertEquals(1, slow.receive());
        }
    }

    @Test
    void oneMoreThanBufferSizeBehindLags() {
        try (ReceiveChannel<Integer> rx = filled(10); BroadcastReceiver<Integer> first = BroadcastReceiver.of(rx, 4);
             BroadcastReceiver<Integer> slow = first.subscribe()) {
            for (int i = 0; i < 5; i++) assertEquals(i, first.receive());
            assertEquals(5, slow.lag());
            Lagged e = assertThrows(Lagged.class, slow::receive);
            assertEquals(1, e.skipped());
            assertTrue(e instanceof TooSlowException);
            assertEquals(4, slow.lag(), "the cursor moved to the oldest value held");
            assertEquals(1, slow.receive());
        }
    }

    @Test
    void lagCountsEveryMissedValue() {
        try (ReceiveChannel<Integer> rx = filled(10); BroadcastReceiver<Integer> first = BroadcastReceiver.of(rx, 3);
             BroadcastReceiver<Integer> slow = first.subscribe()) {
            for (int i = 0; i < 10; i++) first.receive();
            assertEquals(7, assertThrows(Lagged.class, slow::receive).skipped());
            assertEquals(List.of(7, 8, 9), List.of(slow.receive(), slow.receive(), slow.receive()));
        }
    }

    @Test
    void withoutRaiseOnLagSkipsSilently() {
        try (ReceiveChannel<Integer> rx = filled(10);
             BroadcastReceiver<Integer> first = BroadcastReceiver.of(rx::receive, 4, false);
             BroadcastReceiver<Integer> slow = first.subscribe()) {
            for (int i = 0; i < 10; i++) first.receive();
            List<Integer> seen = new ArrayList<>();
            for (Integer v : slow) seen.add(v);
            assertEquals(List.of(6, 7, 8, 9), seen);
        }
    }

    @Test
    void endOfChannelAfterDrainingForEverySubscriber() {
        try (ReceiveChannel<Integer> rx = filled(3); BroadcastReceiver<Integer> first = BroadcastReceiver.of(rx, 8);
             BroadcastReceiver<Integer> other = first.subscribe()) {
            List<Integer> seen = new ArrayList<>();
            for (Integer v : first) seen.add(v);
            assertEquals(range(0, 3), seen);
            assertThrows(EndOfChannelException.class, first::receive);
            assertEquals(List.of(0, 1, 2), List.of(other.receive(), other.receive(), other.receive()));
            assertThrows(EndOfChannelException.class, other::receive);
        }
    }

    @Test
    void aSubscriberSeesOnlyValuesAfterItSubscribed() {
        try (ReceiveChannel<Integer> rx = filled(5); BroadcastReceiver<Integer> first = BroadcastReceiver.of(rx, 8)) {
            first.receive();
            first.receive();
            try (BroadcastReceiver<Integer> late = first.subscribe()) {
                assertEquals(0, late.lag());
                assertEquals(2, late.receive(), "the late subscriber pulls the next value itself");
                assertEquals(2, first.receive(), "and the others read it from the ring");
            }
        }
    }

    @Test
    void closeRemovesOnlyThatSubscriber() {
        try (ReceiveChannel<Integer> rx = filled(5); BroadcastReceiver<Integer> first = BroadcastReceiver.of(rx, 8)) {
            BroadcastReceiver<Integer> sub = first.subscribe();
            BroadcastState<Integer> state = ((BroadcastSubscriber<Integer>) first).state;
            assertEquals(2, state.subscribers());
            sub.close();
            sub.close(); // idempotent
            assertTrue(sub.isClosed());
            assertEquals(1, state.subscribers());
            assertThrows(ClosedResourceException.class, sub::receive);
            assertEquals(0, first.receive());
        }
    }

    @Test
    void rejectsANonPositiveBuffer() {
        try (ReceiveChannel<Integer> rx = filled(1)) {
            assertThrows(IllegalArgumentException.class, () -> BroadcastReceiver.of(rx, 0));
        }
    }

    // 76
    @Test
    void fanOutToLocalSubscriptions() throws Exception {
        int n = 1000, subs = 10;
        MemoryChannel<Integer> ch = Sc.openMemoryChannel(n); // "overruns allowed"
        List<List<Integer>> got = Collections.synchronizedList(new ArrayList<>());
        try (ReceiveChannel<Integer> rx = ch.receiver(); BroadcastReceiver<Integer> parent = BroadcastReceiver.of(rx, n)) {
            Nursery.run(tn -> {
                for (int s = 0; s < subs; s++) {
                    BroadcastReceiver<Integer> sub = parent.subscribe();
                    tn.startSoon(() -> {
                        try (sub) {
                            List<Integer> seen = new ArrayList<>();
                            for (Integer v : sub) seen.add(v);
                            got.add(seen);
                        }
                    });
                }
                tn.startSoon(() -> {
                    try (SendChannel<Integer> tx = ch.sender()) {
                        for (int i = 0; i < n; i++) tx.send(i);
                    }
                });
                List<Integer> seen = new ArrayList<>();
                for (Integer v : parent) seen.add(v);
                got.add(seen);
            });
        }
        assertEquals(subs + 1, got.size());
        for (List<Integer> seen : got) assertEquals(range(0, n), seen);
    }

    // 77: the parent consumes slower than its subscriber: it lags, resyncs and finishes. To be
    // deterministic the parent starts reading only once the subscriber read everything.
    @Test
    void parentSlowerThanSubscriberLagsAndResyncs() throws Exception {
        int n = 100, size = 10;
        MemoryChannel<Integer> ch = Sc.openMemoryChannel(0);
        Event subDone = new Event();
        try (ReceiveChannel<Integer> rx = ch.receiver(); BroadcastReceiver<Integer> parent = BroadcastReceiver.of(rx, size)) {
            Nursery.run(tn -> {
                BroadcastReceiver<Integer> sub = parent.subscribe();
                tn.startSoon(() -> producer(ch.sender(), n));
                tn.startSoon(() -> {
                    try (sub) {
                        int expected = 0;
                        for (Integer v : sub) assertEquals(expected++, v, "the fastest consumer never lags");
                        assertEquals(n, expected);
                    }
                    subDone.set();
                });
                subDone.await();
                int lags = 0;
                List<Integer> seen = new ArrayList<>();
                while (true) {
                    try {
                        seen.add(parent.receive());
                        Sc.sleep(Duration.ofMillis(1));
                    } catch (Lagged e) {
                        lags++;
                    } catch (EndOfChannelException e) {
                        break;
                    }
                }
                assertEquals(1, lags);
                assertEquals(range(n - size, n), seen);
            });
        }
    }

    private static void producer(SendChannel<Integer> tx, int n) {
        try (tx) {
            for (int i = 0; i < n; i++) tx.send(i);
        }
    }

    // 78: the subscriber is slower: its Lagged propagates out of the nursery.
    @Test
    void slowerSubscribersLaggedPropagates() throws Exception {
        int n = 100, size = 10;
        MemoryChannel<Integer> ch = Sc.openMemoryChannel(0);
        Event parentDone = new Event();
        try (ReceiveChannel<Integer> rx = ch.receiver(); BroadcastReceiver<Integer> parent = BroadcastReceiver.of(rx, size)) {
            assertThrows(Lagged.class, () -> Nursery.run(tn -> {
                BroadcastReceiver<Integer> sub = parent.subscribe();
                tn.startSoon(() -> producer(ch.sender(), n));
                tn.startSoon(() -> {
                    try (sub) {
                        parentDone.await();
                        for (Integer v : sub) Sc.sleep(Duration.ofMillis(1));
                    }
                });
                for (Integer v : parent) Sc.checkpoint();
                parentDone.set();
            }));
        }
    }

    /** Waits (polling, bounded by the test) until {@code sub} is the one pulling from the source. */
    private static void awaitPulling(BroadcastReceiver<Integer> sub) {
        BroadcastSubscriber<Integer> s = (BroadcastSubscriber<Integer>) sub;
        while (!s.state.isPulling(s)) Sc.sleep(Duration.ofMillis(1));
    }

    // 79: cancelling the fast subscriber while it pulls does not wedge the broadcaster.
    @Test
    void fasterReceiverCancelledBySlowerDoesNotWedge() throws Exception {
        int n = 1000;
        MemoryChannel<Integer> ch = Sc.openMemoryChannel(0);
        Event go = new Event();
        try (ReceiveChannel<Integer> rx = ch.receiver(); BroadcastReceiver<Integer> parent = BroadcastReceiver.of(rx, n)) {
            BroadcastState<Integer> state = ((BroadcastSubscriber<Integer>) parent).state;
            Nursery.run(tn -> {
                tn.startSoon(() -> {
                    try (SendChannel<Integer> tx = ch.sender()) {
                        for (int i = 0; i < 100; i++) tx.send(i);
                        go.await();
                        for (int i = 100; i < n; i++) tx.send(i);
                    }
                });
                BroadcastReceiver<Integer> fast = parent.subscribe();
                CancelScope[] fastScope = new CancelScope[1];
                Event fastAhead = new Event();
                tn.startSoon(() -> {
                    try (fast) {
                        CancelScope.run(cs -> {
                            fastScope[0] = cs;
                            for (int i = 0; i < 100; i++) assertEquals(i, fast.receive());
                            fastAhead.set();
                            fast.receive(); // pulls for everybody and blocks: the producer waits for go
                        });
                    }
                });
                fastAhead.await();
                awaitPulling(fast);
                fastScope[0].cancel();
                go.set();
                List<Integer> seen = new ArrayList<>();
                CancelScope.failAfter(Duration.ofMillis(500), () -> {
                    for (Integer v : parent) seen.add(v);
                    return null;
                });
                assertEquals(range(0, n), seen);
                assertFalse(state.hasPuller(), "the next-receiver slot is cleared");
            });
        }
    }

    // 80
    @Test
    void subscribeErrorsAfterClose() {
        try (ReceiveChannel<Integer> rx = filled(1)) {
            BroadcastReceiver<Integer> br = BroadcastReceiver.of(rx, 4);
            BroadcastState<Integer> state = ((BroadcastSubscriber<Integer>) br).state;
            br.close();
            assertThrows(ClosedResourceException.class, br::subscribe);
            assertEquals(0, state.subscribers(), "the failed subscription is not registered");
        }
    }

    // 81
    @Test
    void slowConsumersLagOut() throws Exception {
        int size = 100, retries = 3;
        MemoryChannel<Integer> ch = Sc.openMemoryChannel(size);
        ReceiveChannel<Integer> rx = ch.receiver();
        BroadcastReceiver<Integer> brx = BroadcastReceiver.of(rx, size);
        BroadcastState<Integer> state = ((BroadcastSubscriber<Integer>) brx).state;
        Map<String, Integer> laggers = new ConcurrentHashMap<>();
        Nursery.run(tn -> {
            for (int i = 1; i <= 3; i++) {
                String name = "sub_" + i;
                Duration delay = Duration.ofMillis(i);
                laggers.put(name, 0);
                BroadcastReceiver<Integer> lbrx = brx.subscribe();
                tn.startSoon(name, () -> {
                    try (lbrx) {
                        while (true) {
                            try {
                                for (Integer v : lbrx) Sc.sleep(delay);
                                assertEquals("sub_1", name, "only the fastest reaches the end");
                                assertEquals(2, state.subscribers(), "brx and sub_1 are left");
                                lbrx.close();
                                assertEquals(1, state.subscribers());
                            } catch (ClosedResourceException e) {
                                assertEquals("sub_1", name, "only the fast sub re-enters a closed receiver");
                                return;
                            } catch (Lagged e) {
                                int lags = laggers.get(name);
                                if (lags <= retries) {
                                    laggers.put(name, lags + 1);
                                    continue;
                                }
                                return; // too slow: terminated
                            }
                        }
                    }
                });
            }
            try (SendChannel<Integer> tx = ch.sender()) {
                for (int i = 0; ; i = (i + 1) % size) {
                    tx.send(i);
                    if (state.subscribers() == 2) break; // only the non-lagger and brx are left
                }
            }
        });
        assertEquals(0, laggers.remove("sub_1"), "the fastest consumer never lags");
        laggers.values().forEach(v -> assertEquals(retries + 1, v));
        // brx was never read: it is overrun; tokio-style truncation puts it on the oldest value held
        assertThrows(Lagged.class, brx::receive);
        assertEquals(size, brx.lag(), "its cursor is on the oldest value held (tractor: index len(queue) - 1)");
        List<Object> held = state.retained();
        assertEquals(size, held.size());
        for (Integer i : rx) assertTrue(held.contains(i), "backpressured value " + i + " is in the ring window");
        brx.close();
        brx.close();
        rx.close();
    }

    // 82
    @Test
    void firstReceiverIsCancelled() throws Exception {
        MemoryChannel<Integer> ch = Sc.openMemoryChannel(1);
        try (ReceiveChannel<Integer> rx = ch.receiver(); SendChannel<Integer> tx = ch.sender();
             BroadcastReceiver<Integer> brx = BroadcastReceiver.of(rx, 10)) {
            BroadcastState<Integer> state = ((BroadcastSubscriber<Integer>) brx).state;
            Nursery.run(tn -> {
                BroadcastReceiver<Integer> first = brx.subscribe();
                CancelScope[] firstScope = new CancelScope[1];
                Event scoped = new Event();
                tn.startSoon(() -> {
                    try (first) {
                        CancelScope.run(cs -> {
                            firstScope[0] = cs;
                            scoped.set();
                            first.receive();
                        });
                    }
                });
                scoped.await();
                awaitPulling(first);
                int[] got = new int[1];
                Event received = new Event();
                tn.startSoon(() -> {
                    got[0] = brx.receive();
                    received.set();
                });
                while (state.waiting() == 0) Sc.sleep(Duration.ofMillis(1)); // brx waits on first's pull
                firstScope[0].cancel();
                tx.send(1);
                CancelScope.failAfter(Duration.ofMillis(500), () -> {
                    received.await();
                    return null;
                });
                assertEquals(1, got[0]);
            });
        }
    }

    // 83: tractor ends this run with an injected KeyboardInterrupt after a while; here the producer
    // stops after a fixed count and the slow subscriber reads only once the fast one finished.
    @Test
    void noRaiseOnLag() throws Exception {
        int n = 500, size = 10;
        MemoryChannel<Integer> ch = Sc.openMemoryChannel(0);
        Event fastDone = new Event();
        try (ReceiveChannel<Integer> rx = ch.receiver(); BroadcastReceiver<Integer> fast = BroadcastReceiver.of(rx::receive, size, false)) {
            Nursery.run(tn -> {
                BroadcastReceiver<Integer> slow = fast.subscribe();
                tn.startSoon(() -> producer(ch.sender(), n));
                tn.startSoon(() -> {
                    try (slow) {
                        int last = -1, count = 0;
                        for (int round = 0; ; round++) {
                            if (round == 5) fastDone.await(); // falls far behind from here
                            Integer v;
                            try {
                                v = slow.receive();
                            } catch (EndOfChannelException e) {
                                break;
                            }
                            assertTrue(v > last, "increasing, never an error");
                            last = v;
                            count++;
                            Sc.sleep(Duration.ofMillis(1));
                        }
                        assertEquals(n - 1, last);
                        assertTrue(count < n, "values were skipped silently");
                    }
                });
                int expected = 0;
                for (Integer v : fast) assertEquals(expected++, v);
                fastDone.set();
            });
        }
    }
}
