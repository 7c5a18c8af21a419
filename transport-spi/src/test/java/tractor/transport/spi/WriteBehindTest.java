package tractor.transport.spi;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tractor.TransportClosed;
import tractor.sc.ClosedResourceException;
import tractor.testkit.Bounded;

/**
 * Write-behind of {@link FrameChannelImpl} ({@link FrameWriter}) over a real loopback connection: streamed
 * sends are coalesced by the writer, keep their order, are not lost to a close or half-close that follows
 * them, and a broken connection surfaces on a later send instead of hanging.
 */
@Bounded(seconds = 30)
class WriteBehindTest {
    record TestAddress(String text) implements Address {
        @Override public String transport() { return "test"; }
        @Override public String toString() { return text; }
    }

    private static final SocketFrameChannels.Naming NAMING = new SocketFrameChannels.Naming() {
        @Override public Address local(SocketChannel s) throws IOException { return new TestAddress("test://" + s.getLocalAddress()); }
        @Override public Address remote(SocketChannel s) throws IOException { return new TestAddress("test://" + s.getRemoteAddress()); }
        @Override public void configure(SocketChannel s) throws IOException { s.setOption(StandardSocketOptions.TCP_NODELAY, true); }
    };

    private FrameChannelImpl a;
    private FrameChannelImpl b;

    @BeforeEach
    void connect() throws IOException {
        try (ServerSocketChannel server = ServerSocketChannel.open().bind(new InetSocketAddress("127.0.0.1", 0))) {
            SocketChannel client = SocketChannel.open(server.getLocalAddress());
            a = (FrameChannelImpl) SocketFrameChannels.open(client, NAMING, TransportOptions.DEFAULTS);
            b = (FrameChannelImpl) SocketFrameChannels.open(server.accept(), NAMING, TransportOptions.DEFAULTS);
        }
    }

    @AfterEach
    void close() {
        a.close();
        b.close();
    }

    private static byte[] body(int sender, int seq) {
        return ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putInt(sender).putInt(seq).array();
    }

    private static int[] parse(byte[] body) {
        ByteBuffer bb = ByteBuffer.wrap(body).order(ByteOrder.LITTLE_ENDIAN);
        return new int[] {bb.getInt(), bb.getInt()};
    }

    @Test
    void aStreamIsCoalescedByTheWriterAndArrivesWholeAndInOrder() throws Exception {
        int n = 200_000;
        Thread sender = Thread.ofVirtual().start(() -> {
            try {
                for (int i = 0; i < n; i++) a.send(body(0, i));
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        });
        for (int i = 0; i < n; i++) assertEquals(i, parse(b.receive())[1]);
        sender.join();
        long[] stats = a.writeStats();
        assertTrue(stats[0] > n / 2, "most frames of a stream go through the queue: " + stats[0] + " of " + n);
        assertTrue(stats[1] < stats[0] / 4, "the writer batches them: " + stats[1] + " writes for " + stats[0] + " frames");
    }

    /**
     * The queue starts small, grows while the peer does not keep up, and gives its big buffers back once
     * drained and idle (not between the batches of a stream): thousands of idle channels must not each hold half a megabyte.
     */
    @Test
    void theQueueGrowsWhileTheWriterIsBehindAndShrinksOnceDrained() throws Exception {
        assertEquals(0, a.writeQueueCapacity(), "nothing allocated before the first queued frame");
        int n = 100_000;
        Thread sender = Thread.ofVirtual().start(() -> {
            try {
                for (int i = 0; i < n; i++) a.send(new byte[200]); // 20 MB: far more than the socket buffers hold
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        });
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
        while (a.writeQueueCapacity() < FrameWriter.QUEUE_BYTES) { // nobody reads yet: the queue must reach its bound
            assertTrue(System.nanoTime() < deadline, "the queue grew to " + a.writeQueueCapacity() + " only");
            java.util.concurrent.locks.LockSupport.parkNanos(200_000);
        }
        for (int i = 0; i < n; i++) assertEquals(200, b.receive().length);
        sender.join();
        assertTrue(a.flushForTest(java.time.Duration.ofSeconds(10)), "drained");
        deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        while (a.writeQueueCapacity() != FrameWriter.QUEUE_START) { // the writer gives them back once idle a while
            assertTrue(System.nanoTime() < deadline, "still " + a.writeQueueCapacity() + " bytes long after draining");
            java.util.concurrent.locks.LockSupport.parkNanos(200_000);
        }
    }

    @Test
    void concurrentSendersKeepTheirOwnOrderAndLoseNothing() throws Exception {
        int senders = 4, n = 30_000;
        List<Thread> ts = new ArrayList<>();
        for (int s = 0; s < senders; s++) {
            int id = s;
            ts.add(Thread.ofVirtual().start(() -> {
                try {
                    for (int i = 0; i < n; i++) a.send(body(id, i));
                } catch (IOException e) {
                    throw new AssertionError(e);
                }
            }));
        }
        int[] next = new int[senders];
        for (int i = 0; i < senders * n; i++) {
            int[] f = parse(b.receive());
            assertEquals(next[f[0]]++, f[1], "sender " + f[0] + " out of order");
        }
        for (Thread t : ts) t.join();
    }

    @Test
    void aCloseRightAfterAStreamDeliversEveryQueuedFrameFirst() throws Exception {
        int n = 50_000;
        for (int i = 0; i < n; i++) a.send(body(0, i));
        assertTrue(a.writeStats()[0] > 0, "the stream was queued");
        a.close();
        for (int i = 0; i < n; i++) assertEquals(i, parse(b.receive())[1]);
        TransportClosed end = assertThrows(TransportClosed.class, b::receive);
        assertTrue(end.getMessage().contains("peer closed"), end.getMessage());
        assertThrows(ClosedResourceException.class, () -> a.send(body(0, 0)));
    }

    @Test
    void aHalfCloseRightAfterAStreamComesAfterItsFrames() throws Exception {
        int n = 50_000;
        for (int i = 0; i < n; i++) a.send(body(0, i));
        a.shutdownOutput();
        for (int i = 0; i < n; i++) assertEquals(i, parse(b.receive())[1]);
        assertThrows(TransportClosed.class, b::receive);
        b.send(body(1, 7)); // the other direction still works
        assertEquals(7, parse(a.receive())[1]);
    }

    @Test
    void aFrameLargerThanTheQueueKeepsItsPlaceInAStream() throws Exception {
        byte[] big = new byte[FrameWriter.QUEUE_BYTES + 1000];
        big[0] = 42;
        Thread sender = Thread.ofVirtual().start(() -> {
            try {
                for (int i = 0; i < 1000; i++) a.send(body(0, i));
                a.send(big);
                for (int i = 1000; i < 2000; i++) a.send(body(0, i));
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        });
        for (int i = 0; i < 1000; i++) assertEquals(i, parse(b.receive())[1]);
        byte[] got = b.receive();
        assertEquals(big.length, got.length);
        assertEquals(42, got[0]);
        for (int i = 1000; i < 2000; i++) assertEquals(i, parse(b.receive())[1]);
        sender.join();
    }

    @Test
    void aBrokenConnectionSurfacesOnALaterSendInsteadOfHanging() throws Exception {
        b.close(); // the peer is gone: its socket is closed, writes to it fail with a reset or broken pipe
        TransportClosed e = assertThrows(TransportClosed.class, () -> {
            for (int i = 0; ; i++) a.send(body(0, i));
        });
        assertTrue(e.getMessage().contains("broke while sending") || e.getMessage().contains("peer closed"), e.getMessage());
        assertFalse(a.isOpen());
    }
}
