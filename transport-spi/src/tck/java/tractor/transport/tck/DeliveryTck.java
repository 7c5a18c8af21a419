package tractor.transport.tck;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.*;

import java.io.EOFException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tractor.TransportClosed;
import tractor.sc.ClosedResourceException;
import tractor.testkit.Bounded;
import tractor.transport.spi.FrameChannel;
import tractor.transport.spi.FrameSink;
import tractor.transport.spi.Listener;

/**
 * The TCK of push-mode delivery ({@link FrameChannel#deliverTo}) and of the shared read loop behind the
 * socket transports: order and content across the switch from pull mode, the end of the stream in every
 * way it can end, back-pressure that stops one channel without stopping the others, and what thousands of
 * open channels cost (descriptors, threads).
 */
@Bounded(seconds = 30)
public abstract class DeliveryTck extends TckFixture {
    /** A sink that records its frames, the threads that called it, overlapping calls, and its end. */
    static final class Recorder implements FrameSink {
        final LinkedBlockingQueue<byte[]> frames = new LinkedBlockingQueue<>();
        final CompletableFuture<TransportClosed> end = new CompletableFuture<>();
        final AtomicInteger ends = new AtomicInteger();
        final Set<String> threads = ConcurrentHashMap.newKeySet();
        private final AtomicInteger inFlight = new AtomicInteger();
        volatile boolean overlapped;
        volatile int throwAt = -1;
        /** Thrown at {@link #throwAt} instead of the IllegalStateException, when set. */
        volatile Error error;
        private int count;

        @Override
        public void frame(byte[] body) {
            if (inFlight.incrementAndGet() != 1) overlapped = true;
            try {
                threads.add(Thread.currentThread().getName());
                if (count++ == throwAt) {
                    if (error != null) throw error;
                    throw new IllegalStateException("sink refuses frame " + (count - 1));
                }
                frames.add(body);
            } finally {
                inFlight.decrementAndGet();
            }
        }

        @Override
        public void end(TransportClosed failure) {
            ends.incrementAndGet();
            end.complete(failure);
        }

        byte[] next() throws InterruptedException {
            byte[] b = frames.poll(10, SECONDS);
            assertNotNull(b, "no frame within 10 s");
            return b;
        }

        TransportClosed awaitEnd() throws Exception {
            return end.get(10, SECONDS);
        }
    }

    /** Frame {@code i}: its number, then mostly small bodies and every 50th one larger than a read buffer. */
    static byte[] numbered(int i) {
        int n = i % 50 == 0 ? (i * 7919) % 200_000 : i % 300;
        byte[] b = ByteBuffer.allocate(4 + n).putInt(i).array();
        for (int k = 4; k < b.length; k++) b[k] = (byte) (i + k);
        return b;
    }

    static void assertNumbered(int i, byte[] body) {
        assertEquals(i, ByteBuffer.wrap(body).getInt(), "frames out of order");
        assertArrayEquals(numbered(i), body, "frame " + i);
    }

    @Test
    void deliverToHandsOverTheQueuedFramesThenEveryLaterOneInOrder() throws Exception {
        FrameChannel[] p = pair();
        int before = 200, total = 3_000;
        for (int i = 0; i < before; i++) p[0].send(numbered(i));
        assertNumbered(0, p[1].receive()); // the others of the first batch are queued or on their way
        Recorder r = new Recorder();
        p[1].deliverTo(r);
        Thread sender = Thread.startVirtualThread(() -> {
            for (int i = before; i < total; i++) sendQuietly(p[0], numbered(i));
        });
        for (int i = 1; i < total; i++) assertNumbered(i, r.next());
        sender.join();
        assertFalse(r.overlapped, "the sink is called one frame at a time");
        String caller = Thread.currentThread().getName();
        assertTrue(r.threads.stream().allMatch(t -> t.equals(caller) || t.startsWith("tractor-read-loop")),
                "frames come from the read loop (or, for the queued ones, deliverTo's caller), never a hand-off thread: " + r.threads);
        assertFalse(r.end.isDone(), "no end while the channel is open");
        p[1].close();
        assertNull(r.awaitEnd(), "a local close ends the sink with null");
        assertEquals(1, r.ends.get());
    }

    @Test
    void receiveAfterDeliverToAndASecondDeliverToAreIllegal() throws Exception {
        FrameChannel[] p = pair();
        Recorder r = new Recorder();
        p[1].deliverTo(r);
        var e = assertThrows(IllegalStateException.class, p[1]::receive);
        assertTrue(e.getMessage().contains("deliverTo"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> p[1].receive(Duration.ofMillis(1)));
        assertThrows(IllegalStateException.class, () -> p[1].deliverTo(new Recorder()));
        p[0].send("still flows".getBytes());
        assertEquals("still flows", new String(r.next()));
        p[1].close();
        assertNull(r.awaitEnd());
        assertThrows(IllegalStateException.class, p[1]::receive);
        assertEquals(1, r.ends.get());
    }

    @Test
    void deliverToWhileAReceiveWaitsIsIllegal() throws Exception {
        FrameChannel[] p = pair();
        Thread t = Thread.startVirtualThread(() -> assertThrows(ClosedResourceException.class, p[0]::receive));
        awaitBlockedIn(t, method("Inbox", "awaitFrame"));
        assertThrows(IllegalStateException.class, () -> p[0].deliverTo(new Recorder()));
        p[0].close();
        t.join();
    }

    @Test
    void peerCloseEndsTheSinkWithTransportClosedAfterTheLastFrame() throws Exception {
        FrameChannel[] p = pair();
        Recorder r = new Recorder();
        p[0].deliverTo(r);
        p[1].send("last".getBytes());
        p[1].close();
        assertEquals("last", new String(r.next()));
        TransportClosed e = r.awaitEnd();
        assertNotNull(e, "the peer's close is a TransportClosed");
        assertTrue(e.getMessage().contains("peer closed the connection"), e.getMessage());
        assertTrue(r.frames.isEmpty());
        assertEquals(1, r.ends.get());
    }

    @Test
    void anEndBeforeTheSwitchReachesTheSinkWithItsCause() throws Exception {
        Listener l = listen();
        SocketChannel peer = raw(l);
        FrameChannel ch = track(l.accept(Duration.ofSeconds(5)).orElseThrow());
        peer.write(ByteBuffer.allocate(54).order(ByteOrder.LITTLE_ENDIAN).putInt(0, 100));
        peer.close();
        while (ch.isOpen()) Thread.onSpinWait(); // the reader saw the end before any sink was there
        Recorder r = new Recorder();
        ch.deliverTo(r);
        TransportClosed e = r.awaitEnd();
        assertNotNull(e);
        assertTrue(e.getMessage().contains("middle of a frame"), e.getMessage());
        assertInstanceOf(EOFException.class, e.getCause(), "the mid-frame end chains its cause");
        assertTrue(r.frames.isEmpty());
    }

    @Test
    void anOversizedFrameEndsTheSinkAndTheChannel() throws Exception {
        Listener l = listen();
        SocketChannel peer = raw(l);
        FrameChannel ch = track(l.accept(Duration.ofSeconds(5)).orElseThrow());
        Recorder r = new Recorder();
        ch.deliverTo(r);
        peer.write(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(0, LIMIT + 1));
        TransportClosed e = r.awaitEnd();
        assertNotNull(e);
        assertTrue(e.getMessage().contains(String.valueOf(LIMIT + 1)) && e.getMessage().contains("maximum frame size"), e.getMessage());
        assertFalse(ch.isOpen());
        assertEquals(1, r.ends.get());
    }

    @Test
    void aSinkThatThrowsBreaksTheChannelAndHearsTheEndOnce() throws Exception {
        FrameChannel[] p = pair();
        Recorder r = new Recorder();
        r.throwAt = 1;
        p[1].deliverTo(r);
        p[0].send("a".getBytes());
        p[0].send("b".getBytes()); // no more: once the sink threw, the channel is gone and a later send may fail
        TransportClosed e = r.awaitEnd();
        assertNotNull(e);
        assertTrue(e.getMessage().contains("sink refuses frame 1"), "names the sink's exception: " + e.getMessage());
        assertInstanceOf(IllegalStateException.class, e.getCause());
        assertEquals("a", new String(r.next()));
        assertTrue(r.frames.isEmpty(), "not the frame the sink refused");
        assertFalse(p[1].isOpen());
        assertThrows(TransportClosed.class, p[0]::receive, "the peer sees the connection end");
        assertEquals(1, r.ends.get());
    }

    /**
     * A sink that throws an Error breaks its own channel like any sink that throws; the read loop that
     * delivered it goes on serving every other channel (an escaping Error would end the loop's thread).
     */
    @Test
    void aSinkThatThrowsAnErrorBreaksOnlyItsChannel() throws Exception {
        for (int i = 0; i < 4; i++) { // more channels than loops: every loop delivers one such Error
            FrameChannel[] p = pair();
            Recorder r = new Recorder();
            r.throwAt = 0;
            r.error = new AssertionError("sink error " + i);
            p[1].deliverTo(r);
            p[0].send("x".getBytes());
            TransportClosed e = r.awaitEnd();
            assertNotNull(e);
            assertInstanceOf(AssertionError.class, e.getCause());
            assertFalse(p[1].isOpen());
        }
        FrameChannel[] q = pair();
        Recorder ok = new Recorder();
        q[1].deliverTo(ok);
        q[0].send("still served".getBytes());
        assertEquals("still served", new String(ok.next()));
    }

    @Test
    void aSlowReceiverStallsItsPeerButNotTheOtherChannels() throws Exception {
        FrameChannel[] slow = pair();
        int frames = 128, size = 256 * 1024; // 32 MiB: far more than the inbox budget and the socket buffers hold
        Thread sender = Thread.startVirtualThread(() -> {
            for (int i = 0; i < frames; i++) sendQuietly(slow[0], bytes(size, i));
        });
        awaitBlockedIn(sender, e -> e.getMethodName().contains("select") || e.getMethodName().contains("poll"));
        for (int k = 0; k < 4; k++) { // channels on the same read loop(s) keep flowing
            FrameChannel[] q = pair();
            for (int i = 0; i < 100; i++) {
                q[0].send(bytes(10, i));
                q[1].send(q[1].receive());
                assertArrayEquals(bytes(10, i), q[0].receive());
            }
        }
        assertTrue(sender.isAlive(), "the receiving side stopped reading at its inbox budget, so the sender cannot be done");
        for (int i = 0; i < frames; i++) assertArrayEquals(bytes(size, i), slow[1].receive(), "frame " + i);
        sender.join();
    }

    /**
     * A stream many times the inbox budget with a receiver taking as it goes: the reader stops and resumes
     * reading dozens of times, and every pause is followed by a resume (a lost one hangs this test).
     */
    @Test
    void aStreamOfManyBudgetsArrivesWholeThroughPausesAndResumes() throws Exception {
        FrameChannel[] p = pair();
        int frames = 200_000, size = 150; // 30 MB of bodies: about 30 times the budget
        Thread sender = Thread.startVirtualThread(() -> {
            ByteBuffer b = ByteBuffer.allocate(size);
            for (int i = 0; i < frames; i++) sendQuietly(p[0], b.putInt(0, i).array());
        });
        for (int i = 0; i < frames; i++) assertEquals(i, ByteBuffer.wrap(p[1].receive()).getInt(), "frame order");
        sender.join();
    }

    @Test
    @Bounded(seconds = 60)
    void twoThousandOpenChannelsCostOneDescriptorEachAndNoThreadOfTheirOwn() throws Exception {
        Path fdDir = Path.of("/proc/self/fd");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(fdDir), "needs /proc/self/fd");
        Listener l = listen();
        long fdsBefore = count(fdDir);
        List<FrameChannel> ends = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            ends.add(track(provider().connect(l.boundAddress(), OPTIONS)));
            ends.add(track(l.accept(Duration.ofSeconds(5)).orElseThrow()));
        }
        for (int i = 0; i < ends.size(); i += 2) ends.get(i).send(bytes(8, i));
        for (int i = 0; i < ends.size(); i += 2) assertArrayEquals(bytes(8, i), ends.get(i + 1).receive());
        long fds = count(fdDir) - fdsBefore;
        List<Thread> library = Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("tractor-")).toList();
        assertTrue(fds <= ends.size() + 16, "about one descriptor per channel end: " + fds + " for " + ends.size());
        assertTrue(library.size() <= 2 && library.stream().allMatch(t -> t.getName().startsWith("tractor-read-loop")),
                "no platform thread per channel, only the read loops: " + library);
        for (FrameChannel c : ends) c.close();
        for (Thread t : library) t.join(); // a loop ends once no channel is registered with it
    }

    private static long count(Path dir) throws java.io.IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.count();
        }
    }
}
