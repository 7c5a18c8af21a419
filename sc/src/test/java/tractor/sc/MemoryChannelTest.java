package tractor.sc;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
class MemoryChannelTest {

    @Test
    void valuesArriveInOrderAndIterationEndsAtEndOfChannel() throws Exception {
        MemoryChannel<Integer> ch = Sc.openMemoryChannel(4);
        List<Integer> got = new ArrayList<>();
        Nursery.run(n -> {
            n.startSoon(() -> {
                try (SendChannel<Integer> tx = ch.sender()) {
                    for (int i = 0; i < 100; i++) tx.send(i);
                }
            });
            for (int v : ch.receiver()) got.add(v);
        });
        assertEquals(100, got.size());
        for (int i = 0; i < 100; i++) assertEquals(i, got.get(i));
    }

    @Test
    void boundedBufferAppliesBackpressure() {
        MemoryChannel<String> ch = Sc.openMemoryChannel(2);
        ch.sender().sendNowait("a");
        ch.sender().sendNowait("b");
        assertThrows(WouldBlockException.class, () -> ch.sender().sendNowait("c"));
        assertEquals("a", ch.receiver().receiveNowait());
        ch.sender().sendNowait("c");
    }

    @Test
    void rendezvousSendWaitsForAReceiver() throws Exception {
        MemoryChannel<String> ch = Sc.openMemoryChannel(0);
        assertThrows(WouldBlockException.class, () -> ch.sender().sendNowait("x"));
        Event sent = new Event();
        Nursery.run(n -> {
            n.startSoon(() -> {
                ch.sender().send("x");
                sent.set();
            });
            Sc.sleep(Duration.ofMillis(10));
            assertTrue(!sent.isSet(), "a capacity-0 send completes only when received");
            assertEquals("x", ch.receiver().receive());
        });
        assertTrue(sent.isSet());
    }

    @Test
    void blockedSenderMovesIntoTheBufferWhenSpaceFrees() throws Exception {
        MemoryChannel<Integer> ch = Sc.openMemoryChannel(1);
        Nursery.run(n -> {
            ch.sender().send(1);
            n.startSoon(() -> ch.sender().send(2));
            assertEquals(1, ch.receiver().receive());
            assertEquals(2, ch.receiver().receive());
        });
    }

    @Test
    void closingTheLastSenderEndsReceiversAfterDraining() {
        MemoryChannel<String> ch = Sc.openMemoryChannel(5);
        SendChannel<String> second = ch.sender().clone();
        ch.sender().send("a");
        ch.sender().close();
        second.send("b");
        second.close();
        assertEquals("a", ch.receiver().receive());
        assertEquals("b", ch.receiver().receive());
        assertThrows(EndOfChannelException.class, () -> ch.receiver().receive());
        assertThrows(EndOfChannelException.class, () -> ch.receiver().receiveNowait());
    }

    @Test
    void closeOfLastSenderWakesWaitingReceivers() throws Exception {
        MemoryChannel<String> ch = Sc.openMemoryChannel(0);
        AtomicInteger ended = new AtomicInteger();
        Nursery.run(n -> {
            for (int i = 0; i < 3; i++) {
                ReceiveChannel<String> rx = ch.receiver().clone();
                n.startSoon(() -> {
                    try {
                        rx.receive();
                    } catch (EndOfChannelException e) {
                        ended.incrementAndGet();
                    }
                });
            }
            Sc.sleep(Duration.ofMillis(10));
            ch.sender().close();
        });
        assertEquals(3, ended.get());
    }

    @Test
    void closingEveryReceiverBreaksSenders() throws Exception {
        MemoryChannel<String> ch = Sc.openMemoryChannel(0);
        Nursery.run(n -> {
            n.startSoon(() -> assertThrows(BrokenResourceException.class, () -> ch.sender().send("x")));
            Sc.sleep(Duration.ofMillis(10));
            ch.receiver().close();
        });
        assertThrows(BrokenResourceException.class, () -> ch.sender().send("y"));
    }

    @Test
    void closedHandleIsClosedResource() throws Exception {
        MemoryChannel<String> ch = Sc.openMemoryChannel(1);
        ch.sender().close();
        ch.sender().close(); // idempotent
        assertThrows(ClosedResourceException.class, () -> ch.sender().send("x"));
        assertThrows(ClosedResourceException.class, () -> ch.sender().clone());
        ch.receiver().close();
        assertThrows(ClosedResourceException.class, () -> ch.receiver().receive());
    }

    @Test
    void closingAHandleWhileItsTaskWaitsRaisesClosedResourceInThatTask() throws Exception {
        MemoryChannel<String> ch = Sc.openMemoryChannel(0);
        ReceiveChannel<String> other = ch.receiver().clone();
        Nursery.run(n -> {
            n.startSoon(() -> assertThrows(ClosedResourceException.class, () -> ch.receiver().receive()));
            Sc.sleep(Duration.ofMillis(10));
            ch.receiver().close();
        });
        // the channel itself stays open through the other receiving handle
        assertThrows(WouldBlockException.class, () -> ch.sender().sendNowait("nobody waits"));
        other.close();
        assertThrows(BrokenResourceException.class, () -> ch.sender().sendNowait("no receiver left"));
    }

    @Test
    void cancelledReceiverNeverLosesAValue() throws Exception {
        // many rounds of a send racing the receiver's cancellation: every value is received exactly once
        MemoryChannel<Integer> ch = Sc.openMemoryChannel(0);
        List<Integer> got = Collections.synchronizedList(new ArrayList<>());
        int rounds = 300;
        Nursery.run(n -> {
            n.startSoon(() -> {
                for (int i = 0; i < rounds; i++) ch.sender().send(i);
                ch.sender().close();
            });
            while (got.size() < rounds) {
                CancelScope.moveOnAfter(Duration.ofNanos(20_000), scope -> got.add(ch.receiver().receive()));
            }
            assertThrows(EndOfChannelException.class, () -> ch.receiver().receive());
        });
        assertEquals(rounds, got.size());
        for (int i = 0; i < rounds; i++) assertEquals(i, got.get(i));
    }

    @Test
    void manyProducersManyConsumers() throws Exception {
        MemoryChannel<Integer> ch = Sc.openMemoryChannel(3);
        AtomicInteger sum = new AtomicInteger();
        Nursery.run(n -> {
            for (int p = 0; p < 4; p++) {
                SendChannel<Integer> tx = ch.sender().clone();
                n.startSoon(() -> {
                    try (tx) {
                        for (int i = 1; i <= 250; i++) tx.send(i);
                    }
                });
            }
            ch.sender().close();
            for (int c = 0; c < 4; c++) {
                ReceiveChannel<Integer> rx = ch.receiver().clone();
                n.startSoon(() -> {
                    for (int v : rx) sum.addAndGet(v);
                });
            }
            ch.receiver().close();
        });
        assertEquals(4 * 250 * 251 / 2, sum.get());
    }

    @Test
    void nullValuesAreRefused() {
        MemoryChannel<String> ch = Sc.openMemoryChannel(1);
        assertThrows(NullPointerException.class, () -> ch.sender().send(null));
        assertThrows(IllegalArgumentException.class, () -> Sc.openMemoryChannel(-1));
    }

    @Test
    void sendIsACheckpoint() throws Exception {
        MemoryChannel<String> ch = Sc.openMemoryChannel(10);
        CancelScope s = CancelScope.run(scope -> {
            scope.cancel();
            ch.sender().send("x");
        });
        assertTrue(s.cancelledCaught());
        assertThrows(WouldBlockException.class, () -> ch.receiver().receiveNowait());
    }
}
