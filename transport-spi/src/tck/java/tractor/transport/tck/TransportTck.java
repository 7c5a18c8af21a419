package tractor.transport.tck;

import static org.junit.jupiter.api.Assertions.*;

import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import tractor.TransportClosed;
import tractor.sc.BusyResourceException;
import tractor.sc.ClosedResourceException;
import tractor.testkit.Bounded;
import tractor.transport.spi.Address;
import tractor.transport.spi.FrameChannel;
import tractor.transport.spi.Listener;
import tractor.transport.spi.TransportOptions;
import tractor.transport.spi.Transports;

/**
 * The transport TCK: every transport runs these tests by supplying its provider, an address nobody
 * listens on, and the JDK socket address behind one of its addresses (for raw-socket peers).
 */
@Bounded(seconds = 20)
public abstract class TransportTck extends TckFixture {
    @Test
    void providerIsFoundByName() {
        assertSame(provider().getClass(), Transports.get(provider().name()).getClass());
        assertTrue(Transports.names().contains(provider().name()));
    }

    @Test
    void addressesRoundTripThroughText() {
        Address a = listen().boundAddress();
        assertEquals(provider().name(), a.transport());
        assertEquals(a, Address.parse(a.toString()));
        assertEquals(a, provider().parseAddress(a.toString()));
        var e = assertThrows(IllegalArgumentException.class, () -> Address.parse(provider().name() + "//nope"));
        assertTrue(e.getMessage().contains("\"" + provider().name() + "//nope\""), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Address.parse("carrier-pigeon://x"));
        assertTrue(e.getMessage().contains("carrier-pigeon") && e.getMessage().contains(provider().name()), e.getMessage());
    }

    @Test
    void echoRoundTrip() throws Exception {
        FrameChannel[] p = pair();
        p[0].send("ping".getBytes());
        p[1].send(p[1].receive());
        assertEquals("ping", new String(p[0].receive()));
        p[0].send(new byte[0]);
        assertArrayEquals(new byte[0], p[1].receive());
        assertTrue(p[0].toString().contains(p[0].remoteAddress().toString()), p[0].toString());
    }

    @Test
    void framesUpToTheLimitPassAndLargerOnesAreRefused() throws Exception {
        FrameChannel[] p = pair();
        byte[] big = bytes(LIMIT, 7);
        CompletableFuture<Void> sent = CompletableFuture.runAsync(() -> sendQuietly(p[0], big), Thread::startVirtualThread);
        assertArrayEquals(big, p[1].receive());
        sent.join();
        var e = assertThrows(IllegalArgumentException.class, () -> p[0].send(new byte[LIMIT + 1]));
        assertTrue(e.getMessage().contains(String.valueOf(LIMIT + 1)) && e.getMessage().contains(String.valueOf(LIMIT)), e.getMessage());
        p[0].send("still fine".getBytes());
        assertEquals("still fine", new String(p[1].receive()));
    }

    @Test
    void receiverChecksTheLengthBeforeAllocating() throws Exception {
        Listener l = listen();
        SocketChannel peer = raw(l);
        FrameChannel ch = track(l.accept(Duration.ofSeconds(5)).orElseThrow());
        peer.write(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(0, 0xFFFF_FFF0));
        var e = assertThrows(TransportClosed.class, ch::receive);
        assertTrue(e.getMessage().contains(String.valueOf(0xFFFF_FFF0L)) && e.getMessage().contains(String.valueOf(LIMIT))
                && e.getMessage().contains("maximum frame size"), e.getMessage());
        assertFalse(ch.isOpen());
    }

    @Test
    void concurrentSendersNeverInterleave() throws Exception {
        FrameChannel[] p = pair();
        int senders = 8, frames = 50;
        List<Thread> threads = new ArrayList<>();
        for (int s = 0; s < senders; s++) {
            int id = s;
            threads.add(Thread.startVirtualThread(() -> {
                for (int i = 0; i < frames; i++) {
                    byte[] f = new byte[1 + (i * 7919 + id * 104729) % 200_000];
                    Arrays.fill(f, (byte) id);
                    f[0] = (byte) id;
                    sendQuietly(p[0], ByteBuffer.allocate(f.length + 4).putInt(i).put(f).flip().array());
                }
            }));
        }
        int[] next = new int[senders];
        for (int n = 0; n < senders * frames; n++) {
            ByteBuffer f = ByteBuffer.wrap(p[1].receive());
            int seq = f.getInt();
            byte id = f.get(4);
            assertEquals(next[id]++, seq, "frames of sender " + id + " out of order");
            while (f.hasRemaining()) assertEquals(id, f.get(), "frame of sender " + id + " is mixed with another");
        }
        for (Thread t : threads) t.join();
    }

    /**
     * tractor's scenario 247 ({@code test_send_normalizes_only_grouped_peer_resets}): sending to a peer
     * that reset or closed the connection (ECONNRESET, EPIPE) raises {@link TransportClosed} within a
     * bounded number of sends, the kernel's error chained as its cause; an unrelated send error (an
     * over-limit frame) stays itself, see {@link #framesUpToTheLimitPassAndLargerOnesAreRefused()}.
     */
    @Test
    void sendingToAResetPeerIsATransportClosedWithTheErrnoAsCause() throws Exception {
        Listener l = listen();
        SocketChannel peer = raw(l);
        FrameChannel ch = track(l.accept(Duration.ofSeconds(5)).orElseThrow());
        if (peer.supportedOptions().contains(java.net.StandardSocketOptions.SO_LINGER)) {
            peer.setOption(java.net.StandardSocketOptions.SO_LINGER, 0); // close sends RST
        }
        peer.close();
        TransportClosed e = assertThrows(TransportClosed.class, () -> {
            for (int i = 0; i < 10_000; i++) ch.send(bytes(1024, i));
        });
        Throwable cause = e.getCause();
        assertInstanceOf(java.io.IOException.class, cause, "the socket error is chained: " + e);
        String m = String.valueOf(cause.getMessage());
        assertTrue(m.contains("Connection reset") || m.contains("Broken pipe"), "an ECONNRESET/EPIPE-style cause: " + cause);
    }

    @Test
    void peerClosingMidFrameIsATransportClosedWithCause() throws Exception {
        Listener l = listen();
        SocketChannel peer = raw(l);
        FrameChannel ch = track(l.accept(Duration.ofSeconds(5)).orElseThrow());
        peer.write(ByteBuffer.allocate(54).order(ByteOrder.LITTLE_ENDIAN).putInt(0, 100));
        peer.close();
        var e = assertThrows(TransportClosed.class, ch::receive);
        assertNotNull(e.getCause(), "a mid-frame end of stream chains its cause");
        assertTrue(e.getMessage().contains("middle of a frame"), e.getMessage());
    }

    @Test
    void peerClosingBetweenFramesIsACleanTransportClosed() throws Exception {
        FrameChannel[] p = pair();
        p[1].send("last".getBytes());
        p[1].close();
        assertEquals("last", new String(p[0].receive()));
        var e = assertThrows(TransportClosed.class, p[0]::receive);
        assertTrue(e.getMessage().contains("peer closed the connection"), e.getMessage());
    }

    @Test
    void halfCloseEndsTheStreamOneWayOnly() throws Exception {
        FrameChannel[] p = pair();
        p[0].send("bye".getBytes());
        p[0].shutdownOutput();
        assertEquals("bye", new String(p[1].receive()));
        assertThrows(TransportClosed.class, p[1]::receive);
        p[1].send("reply".getBytes());
        assertEquals("reply", new String(p[0].receive()));
    }

    @Test
    void receiveWithATimeoutTimesOutCleanly() throws Exception {
        FrameChannel[] p = pair();
        assertTrue(p[0].receive(Duration.ofMillis(50)).isEmpty());
        p[1].send("late".getBytes());
        assertEquals("late", new String(p[0].receive(Duration.ofSeconds(5)).orElseThrow()));
    }

    @Test
    void connectingToADeadAddressFailsWithinTheTimeout() {
        var e = assertThrows(TransportClosed.class, () -> provider().connect(deadAddress(), OPTIONS));
        assertTrue(e.getMessage().contains(deadAddress().toString()), e.getMessage());
    }

    @Test
    void closeWakesAWaitingReceive() throws Exception {
        FrameChannel[] p = pair();
        AtomicReference<Throwable> got = new AtomicReference<>();
        Thread t = Thread.startVirtualThread(() -> got.set(assertThrows(Throwable.class, p[0]::receive)));
        awaitBlockedIn(t, method("Inbox", "awaitFrame"));
        p[0].close();
        t.join();
        assertInstanceOf(ClosedResourceException.class, got.get());
    }

    @Test
    void closeIsIdempotentAndLaterUseThrowsClosedResource() throws Exception {
        FrameChannel[] p = pair();
        p[0].close();
        p[0].close();
        assertFalse(p[0].isOpen());
        assertThrows(ClosedResourceException.class, () -> p[0].send(new byte[1]));
        assertThrows(ClosedResourceException.class, p[0]::receive);
        assertThrows(ClosedResourceException.class, p[0]::shutdownOutput);
        Listener l = listen();
        l.close();
        l.close();
        assertThrows(ClosedResourceException.class, () -> l.accept(Duration.ofMillis(10)));
    }

    @Test
    void aSecondReceiverIsBusy() throws Exception {
        FrameChannel[] p = pair();
        Thread t = Thread.startVirtualThread(() -> assertThrows(ClosedResourceException.class, p[0]::receive));
        awaitBlockedIn(t, method("Inbox", "awaitFrame"));
        assertThrows(BusyResourceException.class, p[0]::receive);
        p[0].close();
        t.join();
    }

    @Test
    void interruptingAWaitingReceiveKeepsTheChannelAndLosesNoFrame() throws Exception {
        FrameChannel[] p = pair();
        AtomicReference<Throwable> got = new AtomicReference<>();
        Thread t = Thread.startVirtualThread(() -> got.set(assertThrows(Throwable.class, p[0]::receive)));
        awaitBlockedIn(t, method("Inbox", "awaitFrame"));
        t.interrupt();
        t.join();
        assertInstanceOf(InterruptedIOException.class, got.get());
        assertTrue(p[0].isOpen());
        p[1].send("after".getBytes());
        assertEquals("after", new String(p[0].receive()));
        p[0].send("echo".getBytes());
        assertEquals("echo", new String(p[1].receive()));
    }

    @Test
    void interruptingASendMidFrameCompletesTheFrame() throws Exception {
        FrameChannel[] p = pair(TransportOptions.DEFAULTS); // a 16 MiB frame: more than any socket buffer holds
        byte[] big = bytes(TransportOptions.DEFAULT_MAX_FRAME_SIZE, 3);
        stallReader(p);
        AtomicReference<Boolean> flagAfter = new AtomicReference<>();
        Thread t = Thread.startVirtualThread(() -> {
            sendQuietly(p[0], big);
            flagAfter.set(Thread.currentThread().isInterrupted());
        });
        awaitBlockedIn(t, e -> e.getMethodName().contains("select") || e.getMethodName().contains("poll"));
        t.interrupt();
        drainFillers(p);
        assertArrayEquals(big, p[1].receive());
        t.join();
        assertEquals(Boolean.TRUE, flagAfter.get(), "the interrupt status is restored after the write");
        assertTrue(p[0].isOpen());
        p[0].send("echo".getBytes());
        p[1].send(p[1].receive());
        assertEquals("echo", new String(p[0].receive()));
    }

    @Test
    void interruptingASendWaitingForAnotherWritesNothing() throws Exception {
        FrameChannel[] p = pair(TransportOptions.DEFAULTS); // a 16 MiB frame: more than any socket buffer holds
        byte[] big = bytes(TransportOptions.DEFAULT_MAX_FRAME_SIZE, 5);
        stallReader(p);
        Thread first = Thread.startVirtualThread(() -> sendQuietly(p[0], big));
        awaitBlockedIn(first, e -> e.getMethodName().contains("select") || e.getMethodName().contains("poll"));
        AtomicReference<Throwable> got = new AtomicReference<>();
        Thread second = Thread.startVirtualThread(() -> got.set(assertThrows(Throwable.class, () -> p[0].send("never".getBytes()))));
        awaitBlockedIn(second, method("ReentrantLock", "lockInterruptibly"));
        second.interrupt();
        second.join();
        assertInstanceOf(InterruptedIOException.class, got.get());
        drainFillers(p);
        assertArrayEquals(big, p[1].receive());
        first.join();
        p[0].send("next".getBytes());
        assertEquals("next", new String(p[1].receive()));
    }

    @Test
    void interruptingAWaitingAcceptKeepsTheListener() throws Exception {
        Listener l = listen();
        AtomicReference<Throwable> got = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(1);
        Thread t = Thread.startVirtualThread(() -> {
            got.set(assertThrows(Throwable.class, () -> l.accept(Duration.ofSeconds(30))));
            done.countDown();
        });
        awaitBlockedIn(t, method("SocketListener", "awaitConnection"));
        awaitBlockedIn(t, e -> e.getMethodName().contains("select") || e.getMethodName().contains("poll"));
        t.interrupt();
        done.await();
        assertInstanceOf(InterruptedIOException.class, got.get());
        FrameChannel c = track(provider().connect(l.boundAddress(), OPTIONS));
        FrameChannel s = track(l.accept(Duration.ofSeconds(5)).orElseThrow());
        c.send("hi".getBytes());
        assertEquals("hi", new String(s.receive()));
    }

    private static final int FILLER = 1 << 20;

    /**
     * Makes the receiving side stop reading, so that a following large send must block mid-frame: one
     * unreceived 1 MiB frame spends the receiver's inbox budget, and its reader then stops reading the
     * socket (without this a fast reader would take a 16 MiB frame in one go and the send would never
     * block).
     */
    static void stallReader(FrameChannel[] p) throws Exception {
        p[0].send(bytes(FILLER, 7));
    }

    static void drainFillers(FrameChannel[] p) throws Exception {
        assertArrayEquals(bytes(FILLER, 7), p[1].receive());
    }
}
