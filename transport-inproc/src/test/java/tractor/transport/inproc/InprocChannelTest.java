package tractor.transport.inproc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static tractor.transport.inproc.InprocListenerTest.catching;

import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import tractor.TransportClosed;
import tractor.sc.BusyResourceException;
import tractor.sc.ClosedResourceException;

class InprocChannelTest {
    static InprocChannel.Pair pair(int max, long budget) {
        return InprocChannel.connect(new InprocAddress("c"), max, new InprocAddress("s"), max, budget);
    }

    static InprocChannel.Pair pair() {
        return pair(1024, Pipe.DEFAULT_BUDGET);
    }

    @Test
    void theBodyIsCopiedBothWays() throws Exception {
        var p = pair();
        byte[] sent = {1, 2, 3};
        p.client().send(sent);
        sent[0] = 42;
        byte[] got = p.server().receive();
        assertArrayEquals(new byte[] {1, 2, 3}, got);
        ByteBuffer buf = ByteBuffer.wrap(new byte[] {7, 8, 9, 10}).position(1);
        p.server().send(buf);
        assertEquals(4, buf.position());
        buf.array()[2] = 0;
        assertArrayEquals(new byte[] {8, 9, 10}, p.client().receive());
    }

    @Test
    void anOversizedSendIsRefusedAndNothingIsSent() throws Exception {
        var p = pair(8, Pipe.DEFAULT_BUDGET);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> p.client().send(new byte[9]));
        assertTrue(e.getMessage().contains("9 bytes") && e.getMessage().contains("maxFrameSize 8"), e.getMessage());
        ByteBuffer big = ByteBuffer.allocate(9);
        assertThrows(IllegalArgumentException.class, () -> p.client().send(big));
        assertEquals(0, big.position());
        p.client().send(new byte[8]);
        assertEquals(8, p.server().receive().length);
        assertTrue(p.server().receive(Duration.ZERO).isEmpty());
    }

    @Test
    void aFrameOverTheReceiversLimitBreaksTheConnectionNamingTheSizes() throws Exception {
        var p = InprocChannel.connect(new InprocAddress("c"), 100, new InprocAddress("s"), 10, Pipe.DEFAULT_BUDGET);
        TransportClosed e = assertThrows(TransportClosed.class, () -> p.client().send(new byte[11]));
        assertTrue(e.getMessage().contains("11 bytes") && e.getMessage().contains("maxFrameSize 10"), e.getMessage());
        assertThrows(TransportClosed.class, p.server()::receive);
        assertThrows(TransportClosed.class, () -> p.server().send(new byte[1]));
        assertFalse(p.client().isOpen());
    }

    @Test
    void concurrentSendersKeepEachSendersOrderAndWholeFrames() throws Exception {
        var p = pair(1024, 4096);
        int senders = 8, each = 2000;
        List<Thread> threads = new ArrayList<>();
        for (int s = 0; s < senders; s++) {
            int id = s;
            threads.add(Thread.ofVirtual().start(() -> {
                for (int i = 0; i < each; i++) {
                    try {
                        p.client().send(ByteBuffer.allocate(64).putInt(id).putInt(i).putInt(id ^ i).rewind());
                    } catch (InterruptedIOException e) {
                        throw new AssertionError(e);
                    }
                }
            }));
        }
        int[] next = new int[senders];
        for (int n = 0; n < senders * each; n++) {
            ByteBuffer f = ByteBuffer.wrap(p.server().receive());
            int id = f.getInt(), i = f.getInt();
            assertEquals(64, f.capacity());
            assertEquals(id ^ i, f.getInt());
            assertEquals(next[id]++, i, "sender " + id + " out of order");
        }
        for (Thread t : threads) t.join();
        assertTrue(p.server().receive(Duration.ZERO).isEmpty());
    }

    @Test
    void aSenderWaitsWhileTheReceiversQueueIsOverBudget() throws Exception {
        var p = pair(1024, 100);
        CompletableFuture<Throwable> sent = new CompletableFuture<>();
        Thread sender = Thread.ofVirtual().start(() -> sent.complete(catching(() -> {
            for (int i = 0; i < 3; i++) {
                byte[] f = new byte[60];
                f[0] = (byte) i;
                p.client().send(f);
            }
            return "sent";
        })));
        Blocked.await(sender);
        assertFalse(sent.isDone());
        assertTrue(p.client().isOpen());
        assertEquals(0, p.server().receive()[0]);
        assertEquals(1, p.server().receive()[0]);
        assertEquals(2, p.server().receive()[0]);
        assertTrue(sent.get().getMessage().contains("sent"));
    }

    @Test
    void aSendInterruptedWhileOverBudgetSendsNothing() throws Exception {
        var p = pair(1024, 10);
        p.client().send(new byte[] {1, 0, 0, 0, 0, 0, 0, 0});
        CompletableFuture<Throwable> end = new CompletableFuture<>();
        Thread sender = Thread.ofVirtual().start(() -> end.complete(catching(() -> {
            p.client().send(new byte[] {2, 0, 0, 0, 0, 0, 0, 0});
            return "sent";
        })));
        Blocked.await(sender);
        sender.interrupt();
        assertInstanceOf(InterruptedIOException.class, end.get());
        p.client().send(new byte[] {3});
        assertEquals(1, p.server().receive()[0]);
        assertEquals(3, p.server().receive()[0]);
        assertTrue(p.server().receive(Duration.ZERO).isEmpty());
    }

    @Test
    void receiveTimesOutEmptyAndASecondReceiverIsBusy() throws Exception {
        var p = pair();
        assertTrue(p.server().receive(Duration.ofMillis(20)).isEmpty());
        CompletableFuture<Throwable> first = new CompletableFuture<>();
        Thread r = Thread.ofVirtual().start(() -> first.complete(catching(() -> p.server().receive())));
        Blocked.await(r);
        BusyResourceException e = assertThrows(BusyResourceException.class, () -> p.server().receive(Duration.ZERO));
        assertTrue(e.getMessage().contains("already receiving"), e.getMessage());
        p.client().send(new byte[] {5});
        assertTrue(first.get().getMessage().contains("returned"), first.get().toString());
    }

    @Test
    void anInterruptedReceiveLeavesTheChannelOpenAndLosesNoFrame() throws Exception {
        var p = pair();
        CompletableFuture<Throwable> end = new CompletableFuture<>();
        Thread r = Thread.ofVirtual().start(() -> end.complete(catching(() -> p.server().receive())));
        Blocked.await(r);
        r.interrupt();
        assertInstanceOf(InterruptedIOException.class, end.get());
        assertTrue(p.server().isOpen());
        p.client().send(new byte[] {6});
        assertArrayEquals(new byte[] {6}, p.server().receive());
    }

    @Test
    void shutdownOutputEndsTheStreamAfterTheFramesSentAndTheReverseGoesOn() throws Exception {
        for (boolean clientShuts : new boolean[] {true, false}) {
            var p = pair();
            InprocChannel shuts = clientShuts ? p.client() : p.server(), peer = clientShuts ? p.server() : p.client();
            shuts.send(new byte[] {1});
            shuts.send(new byte[] {2});
            shuts.shutdownOutput();
            assertThrows(ClosedResourceException.class, () -> shuts.send(new byte[] {3}));
            assertEquals(1, peer.receive()[0]);
            assertEquals(2, peer.receive()[0]);
            TransportClosed e = assertThrows(TransportClosed.class, peer::receive);
            assertTrue(e.getMessage().contains("peer closed the connection"), e.getMessage());
            peer.send(new byte[] {4});
            assertEquals(4, shuts.receive()[0]);
            assertTrue(shuts.isOpen() && peer.isOpen());
        }
    }

    @Test
    void closeEndsAWaitingReceiveAndEveryLaterUse() throws Exception {
        var p = pair();
        CompletableFuture<Throwable> waiter = new CompletableFuture<>();
        Thread r = Thread.ofVirtual().start(() -> waiter.complete(catching(() -> p.client().receive(Duration.ofMinutes(5)))));
        Blocked.await(r);
        p.client().close();
        p.client().close();
        assertInstanceOf(ClosedResourceException.class, waiter.get());
        assertFalse(p.client().isOpen());
        assertThrows(ClosedResourceException.class, () -> p.client().send(new byte[1]));
        assertThrows(ClosedResourceException.class, p.client()::receive);
        assertThrows(ClosedResourceException.class, p.client()::shutdownOutput);
        assertThrows(ClosedResourceException.class, () -> p.client().deliverTo(new Sinks.Recording()));
    }

    @Test
    void closeWakesAPeerSenderWaitingForBudget() throws Exception {
        var p = pair(1024, 10);
        p.server().send(new byte[8]);
        CompletableFuture<Throwable> end = new CompletableFuture<>();
        Thread s = Thread.ofVirtual().start(() -> end.complete(catching(() -> {
            p.server().send(new byte[8]);
            return "sent";
        })));
        Blocked.await(s);
        p.client().close();
        TransportClosed e = assertInstanceOf(TransportClosed.class, end.get());
        assertTrue(e.getMessage().contains("peer closed the connection"), e.getMessage());
        assertFalse(p.server().isOpen());
    }

    @Test
    void afterCloseThePeerDrainsTheFramesSentThenSeesTheEnd() throws Exception {
        var p = pair();
        p.client().send(new byte[] {7});
        p.client().send(new byte[] {8});
        p.client().close();
        assertEquals(7, p.server().receive()[0]);
        assertEquals(8, p.server().receive(Duration.ZERO).orElseThrow()[0]);
        TransportClosed e = assertThrows(TransportClosed.class, p.server()::receive);
        assertTrue(e.getMessage().contains("peer closed the connection"), e.getMessage());
        assertThrows(TransportClosed.class, () -> p.server().send(new byte[1]));
        assertFalse(p.server().isOpen());
        p.server().close();
        assertThrows(ClosedResourceException.class, p.server()::receive);
    }
}
