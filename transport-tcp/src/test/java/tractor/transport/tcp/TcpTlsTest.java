package tractor.transport.tcp;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tractor.TransportClosed;
import tractor.testkit.Bounded;
import tractor.transport.spi.AuthenticationFailed;
import tractor.transport.spi.FrameChannel;
import tractor.transport.spi.Listener;
import tractor.transport.spi.TransportOptions;
import tractor.transport.spi.TransportSecurity;

/** Optional TLS on TCP (fault E.37: a plaintext client against a TLS port, a handshake that never ends). */
@Bounded(seconds = 30)
class TcpTlsTest {
    @TempDir
    static Path dir;
    static TestStores stores;

    private final TcpTransport tcp = new TcpTransport();
    private final List<AutoCloseable> open = new ArrayList<>();

    @BeforeAll
    static void makeStores() throws Exception {
        stores = TestStores.create(dir);
    }

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : open.reversed()) c.close();
    }

    private TransportOptions tls(Path keyStore, Duration handshake) {
        return TransportOptions.DEFAULTS.withSecurity(TransportSecurity.NONE.withSettings(stores.settings(keyStore)).withHandshakeTimeout(handshake));
    }

    private Listener listen(TransportOptions o) {
        return track(tcp.listen(new TcpAddress("127.0.0.1", 0), o));
    }

    private FrameChannel accept(Listener l) throws Exception {
        return track(l.accept(Duration.ofSeconds(5)).orElseThrow());
    }

    @Test
    void framesCrossMutualTls() throws Exception {
        TransportOptions o = tls(stores.node(), Duration.ofSeconds(10));
        Listener l = listen(o);
        FrameChannel c = track(tcp.connect(l.boundAddress(), o));
        FrameChannel s = accept(l);
        byte[] big = new byte[300_000];
        for (int i = 0; i < big.length; i++) big[i] = (byte) (i * 31);
        c.send(big);
        assertArrayEquals(big, s.receive());
        s.send("pong".getBytes());
        assertEquals("pong", new String(c.receive()));
        c.shutdownOutput();
        var end = assertThrows(TransportClosed.class, s::receive);
        assertTrue(end.getMessage().contains("closed the connection"), end.getMessage());
    }

    /** Push mode over TLS: queued frames first, then the rest, all from the TLS reader thread; the peer's close ends the sink once. */
    @Test
    void deliverToOverTlsDeliversFromTheReaderThread() throws Exception {
        TransportOptions o = tls(stores.node(), Duration.ofSeconds(10));
        Listener l = listen(o);
        FrameChannel c = track(tcp.connect(l.boundAddress(), o));
        FrameChannel s = accept(l);
        c.send(new byte[] {0});
        c.send(new byte[] {1});
        assertArrayEquals(new byte[] {0}, s.receive());
        var frames = new java.util.concurrent.LinkedBlockingQueue<byte[]>();
        var threads = java.util.concurrent.ConcurrentHashMap.<String>newKeySet();
        var ends = new java.util.concurrent.atomic.AtomicInteger();
        var end = new java.util.concurrent.CompletableFuture<TransportClosed>();
        s.deliverTo(new tractor.transport.spi.FrameSink() {
            @Override public void frame(byte[] body) {
                threads.add(Thread.currentThread().getName());
                frames.add(body);
            }

            @Override public void end(TransportClosed failure) {
                ends.incrementAndGet();
                end.complete(failure);
            }
        });
        assertThrows(IllegalStateException.class, s::receive);
        for (int i = 2; i < 100; i++) c.send(new byte[] {(byte) i});
        for (int i = 1; i < 100; i++) assertArrayEquals(new byte[] {(byte) i}, frames.poll(10, java.util.concurrent.TimeUnit.SECONDS), "frame " + i);
        c.close();
        TransportClosed e = end.get(10, java.util.concurrent.TimeUnit.SECONDS);
        assertNotNull(e);
        assertTrue(e.getMessage().contains("peer closed the connection"), e.getMessage());
        assertEquals(1, ends.get());
        String caller = Thread.currentThread().getName();
        assertTrue(threads.stream().allMatch(t -> t.equals(caller) || t.startsWith("tractor-tls-reader")), threads.toString());
    }

    /** E.37: a plaintext client against a TLS port fails the handshake; the connection is closed, nothing delivered. */
    @Test
    void plaintextClientAgainstTlsPortIsClosed() throws Exception {
        Listener l = listen(tls(stores.node(), Duration.ofSeconds(10)));
        FrameChannel c = track(tcp.connect(l.boundAddress(), TransportOptions.DEFAULTS));
        FrameChannel s = accept(l);
        c.send("plain Aid".getBytes());
        var e = assertThrows(AuthenticationFailed.class, s::receive);
        assertTrue(e.getMessage().contains("TLS handshake"), e.getMessage());
        assertThrows(TransportClosed.class, c::receive, "the plaintext client sees the connection closed");
    }

    /** A client whose certificate the listener does not trust is refused (mutual authentication). */
    @Test
    void untrustedClientCertificateIsRefused() throws Exception {
        Listener l = listen(tls(stores.node(), Duration.ofSeconds(10)));
        FrameChannel c = track(tcp.connect(l.boundAddress(), tls(stores.stranger(), Duration.ofSeconds(10))));
        FrameChannel s = accept(l);
        assertThrows(AuthenticationFailed.class, s::receive);
        assertThrows(TransportClosed.class, () -> {
            c.send("let me in".getBytes());
            c.receive();
        });
    }

    /** E.37: a connection that never starts the TLS handshake is closed after the handshake timeout. */
    @Test
    void stalledTlsHandshakeIsClosedAfterTheTimeout() throws Exception {
        Listener l = listen(tls(stores.node(), Duration.ofMillis(500)));
        long t0 = System.nanoTime();
        SocketChannel idle = track(SocketChannel.open(((TcpAddress) l.boundAddress()).socketAddress()));
        FrameChannel s = accept(l);
        ByteBuffer b = ByteBuffer.allocate(256);
        while (idle.read(b.clear()) >= 0) {
            // whatever the server says before it closes
        }
        assertTrue(System.nanoTime() - t0 >= Duration.ofMillis(500).toNanos(), "not before the handshake timeout");
        var e = assertThrows(AuthenticationFailed.class, s::receive);
        assertTrue(e.getMessage().contains("handshake timeout"), e.getMessage());
    }

    /** Mutual TLS authenticates peers, so it may listen off loopback without a shared secret. */
    @Test
    void mutualTlsMayBindTheWildcard() {
        track(tcp.listen(new TcpAddress("0.0.0.0", 0), tls(stores.node(), Duration.ofSeconds(10))));
    }

    private <T extends AutoCloseable> T track(T c) {
        open.add(c);
        return c;
    }
}
