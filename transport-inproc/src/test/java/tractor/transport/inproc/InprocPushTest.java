package tractor.transport.inproc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static tractor.transport.inproc.InprocChannelTest.pair;
import static tractor.transport.inproc.InprocListenerTest.catching;

import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import tractor.TransportClosed;

class InprocPushTest {
    @Test
    void queuedFramesComeFirstThenLaterOnesOnTheSendersThread() throws Exception {
        var p = pair();
        p.client().send(new byte[] {1});
        p.client().send(new byte[] {2});
        Sinks.Recording sink = new Sinks.Recording();
        p.server().deliverTo(sink);
        assertEquals(2, sink.frames.size());
        Thread sender = Thread.ofVirtual().start(() -> {
            try {
                p.client().send(new byte[] {3});
            } catch (InterruptedIOException e) {
                throw new UncheckedIOException(e);
            }
        });
        sender.join();
        assertEquals(List.of(1, 2, 3), sink.frames.stream().map(b -> (int) b[0]).toList());
        assertSame(sender, sink.threads.get(2));
        assertFalse(sink.end.isDone());
    }

    @Test
    void receiveAfterDeliverToAndASecondDeliverToAreRefused() throws Exception {
        var p = pair();
        p.server().deliverTo(new Sinks.Recording());
        assertThrows(IllegalStateException.class, p.server()::receive);
        assertThrows(IllegalStateException.class, () -> p.server().deliverTo(new Sinks.Recording()));
        var q = pair();
        CompletableFuture<Throwable> waiting = new CompletableFuture<>();
        Thread r = Thread.ofVirtual().start(() -> waiting.complete(catching(() -> q.server().receive())));
        Blocked.await(r);
        assertThrows(IllegalStateException.class, () -> q.server().deliverTo(new Sinks.Recording()));
        q.client().send(new byte[] {1});
        assertTrue(waiting.get().getMessage().contains("returned"), waiting.get().toString());
    }

    @Test
    void concurrentSendersDeliverOneCallAtATimeInEachSendersOrder() throws Exception {
        var p = pair();
        Sinks.Recording sink = new Sinks.Recording();
        p.server().deliverTo(sink);
        int senders = 8, each = 2000;
        List<Thread> threads = new ArrayList<>();
        for (int s = 0; s < senders; s++) {
            int id = s;
            threads.add(Thread.ofVirtual().start(() -> {
                for (int i = 0; i < each; i++) {
                    try {
                        p.client().send(ByteBuffer.allocate(8).putInt(id).putInt(i).flip());
                    } catch (InterruptedIOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            }));
        }
        for (Thread t : threads) t.join();
        assertEquals(senders * each, sink.frames.size());
        assertEquals(0, sink.overlaps.get());
        int[] next = new int[senders];
        for (byte[] f : sink.frames) {
            ByteBuffer b = ByteBuffer.wrap(f);
            int id = b.getInt();
            assertEquals(next[id]++, b.getInt(), "sender " + id + " out of order");
        }
    }

    @Test
    void thePeersCloseOrHalfCloseEndsTheSinkOnceAfterTheFrames() throws Exception {
        for (boolean half : new boolean[] {true, false}) {
            var p = pair();
            Sinks.Recording sink = new Sinks.Recording();
            p.server().deliverTo(sink);
            p.client().send(new byte[] {1});
            if (half) p.client().shutdownOutput();
            else p.client().close();
            TransportClosed end = sink.end.get();
            assertNotNull(end);
            assertTrue(end.getMessage().contains("peer closed the connection"), end.getMessage());
            assertEquals(1, sink.frames.size());
            p.client().close();
            p.server().close();
            assertEquals(1, sink.ends.get());
        }
    }

    @Test
    void anEndAlreadyReachedIsDeliveredByDeliverTo() throws Exception {
        var p = pair();
        p.client().send(new byte[] {1});
        p.client().close();
        Sinks.Recording sink = new Sinks.Recording();
        p.server().deliverTo(sink);
        assertEquals(1, sink.frames.size());
        assertNotNull(sink.end.getNow(null));
    }

    @Test
    void aLocalCloseEndsTheSinkWithNull() throws Exception {
        var p = pair();
        Sinks.Recording sink = new Sinks.Recording();
        p.server().deliverTo(sink);
        p.server().close();
        assertTrue(sink.end.isDone());
        assertNull(sink.end.get());
        assertThrows(TransportClosed.class, () -> p.client().send(new byte[1]));
        p.server().close();
        assertEquals(1, sink.ends.get());
    }

    @Test
    void aThrowingSinkBreaksBothEndsNamingTheException() throws Exception {
        var p = pair();
        Sinks.Recording sink = new Sinks.Recording() {
            @Override
            void onFrame(byte[] body) {
                if (body[0] == 2) throw new IllegalStateException("sink refuses frame 2");
            }
        };
        p.server().deliverTo(sink);
        Sinks.Recording back = new Sinks.Recording();
        p.client().deliverTo(back);
        p.client().send(new byte[] {1});
        p.client().send(new byte[] {2});
        TransportClosed end = sink.end.get();
        assertTrue(end.getMessage().contains("sink refuses frame 2"), end.getMessage());
        assertTrue(back.end.get().getMessage().contains("sink refuses frame 2"), back.end.get().getMessage());
        TransportClosed onSend = assertThrows(TransportClosed.class, () -> p.client().send(new byte[] {3}));
        assertTrue(onSend.getMessage().contains("sink refuses frame 2"), onSend.getMessage());
        assertThrows(TransportClosed.class, () -> p.server().send(new byte[] {4}));
        assertFalse(p.client().isOpen());
        assertFalse(p.server().isOpen());
        assertEquals(2, sink.frames.size());
        assertEquals(1, sink.ends.get());
    }

    @Test
    void aSendFromInsideASinkIsDeliveredAfterTheCurrentCallNeverNested() throws Exception {
        var p = pair();
        int rounds = 1000;
        Sinks.Recording atServer = new Sinks.Recording() {
            @Override
            void onFrame(byte[] body) {
                sendQuietly(p.server(), body);
            }
        };
        Sinks.Recording atClient = new Sinks.Recording() {
            @Override
            void onFrame(byte[] body) {
                int n = ByteBuffer.wrap(body).getInt();
                if (n + 1 < rounds) sendQuietly(p.client(), ByteBuffer.allocate(4).putInt(n + 1).array());
                else p.client().close();
            }
        };
        p.server().deliverTo(atServer);
        p.client().deliverTo(atClient);
        p.client().send(new byte[4]);
        assertNull(atClient.end.get());
        assertEquals(0, atServer.overlaps.get() + atClient.overlaps.get());
        assertEquals(0, atServer.afterEnd.get() + atClient.afterEnd.get());
        assertEquals(atServer.frames.size(), atClient.frames.size());
        assertEquals(rounds, atServer.frames.size());
        assertTrue(atServer.end.get().getMessage().contains("peer closed the connection"));
    }

    private static void sendQuietly(InprocChannel c, byte[] body) {
        try {
            c.send(body);
        } catch (InterruptedIOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
