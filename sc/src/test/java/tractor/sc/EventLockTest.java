package tractor.sc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import tractor.testkit.Bounded;

@Bounded(seconds = 10)
class EventLockTest {

    @Test
    void eventWakesEveryWaiter() throws Exception {
        Event e = new Event();
        AtomicInteger woke = new AtomicInteger();
        Nursery.run(n -> {
            for (int i = 0; i < 5; i++) {
                n.startSoon(() -> {
                    e.await();
                    woke.incrementAndGet();
                });
            }
            Sc.sleep(Duration.ofMillis(5));
            e.set();
            e.set();
        });
        assertEquals(5, woke.get());
        e.await(); // already set: returns at once
    }

    @Test
    void eventWaitIsCancellable() throws Exception {
        Event e = new Event();
        CancelScope s = CancelScope.moveOnAfter(Duration.ofMillis(20), scope -> e.await());
        assertTrue(s.cancelledCaught());
        assertFalse(e.isSet());
    }

    @Test
    void lockIsFifoAndExclusive() throws Exception {
        Lock lock = new Lock();
        List<Integer> order = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger inside = new AtomicInteger();
        Nursery.run(n -> {
            lock.acquire();
            for (int i = 0; i < 5; i++) {
                int id = i;
                n.startSoon(() -> {
                    lock.acquire();
                    try {
                        assertEquals(1, inside.incrementAndGet());
                        order.add(id);
                        Sc.checkpoint();
                        inside.decrementAndGet();
                    } finally {
                        lock.release();
                    }
                });
                while (lock.waiting() < i + 1) Sc.checkpoint();
            }
            lock.release();
        });
        assertEquals(List.of(0, 1, 2, 3, 4), order);
        assertFalse(lock.locked());
    }

    @Test
    void cancelledWaiterNeverHoldsTheLock() throws Exception {
        Lock lock = new Lock();
        lock.acquire();
        CancelScope s = CancelScope.moveOnAfter(Duration.ofMillis(10), scope -> {
            Nursery.run(n -> n.startSoon(lock::acquire));
        });
        assertTrue(s.cancelledCaught());
        assertEquals(0, lock.waiting());
        lock.release();
        assertFalse(lock.locked());
        assertTrue(lock.tryAcquire());
        lock.release();
    }

    @Test
    void lockMisuseIsReported() {
        Lock lock = new Lock();
        assertThrows(IllegalStateException.class, lock::release);
        lock.acquire();
        assertThrows(IllegalStateException.class, lock::acquire);
        lock.release();
    }
}
