package tractor.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tractor.TransportClosed;
import tractor.sc.CancelScope;
import tractor.sc.Nursery;
import tractor.testkit.Bounded;
import tractor.transport.spi.Address;
import tractor.transport.spi.FrameChannel;
import tractor.transport.spi.Listener;
import tractor.transport.spi.TransportOptions;
import tractor.transport.spi.TransportProvider;
import tractor.transport.spi.Transports;

@Bounded(seconds = 20)
class ChannelTest {
    static final ChannelOptions FAST = ChannelOptions.DEFAULTS.withHeartbeat(Duration.ofMillis(50), Duration.ofMillis(300))
            .withHandshakeTimeout(Duration.ofMillis(500));
    private final List<AutoCloseable> open = Collections.synchronizedList(new ArrayList<>());

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : open) c.close();
    }

    <T extends AutoCloseable> T track(T c) {
        open.add(c);
        return c;
    }

    static Msg.Aid aid(String name) {
        return new Msg.Aid(name, java.util.UUID.randomUUID().toString(), ProcessHandle.current().pid(), false, false);
    }

    /** A connected pair: the client's and the accepted server side's frame channels. */
    record Pair(FrameChannel client, FrameChannel server, Listener listener) {}

    Pair pair(String transport) throws Exception {
        TransportProvider p = Transports.get(transport);
        Listener l = track(p.listen(p.anyAddress("chan-test", TransportOptions.DEFAULTS), TransportOptions.DEFAULTS));
        FrameChannel c = track(p.connect(l.boundAddress(), TransportOptions.DEFAULTS));
        FrameChannel s = track(l.accept(Duration.ofSeconds(5)).orElseThrow());
        return new Pair(c, s, l);
    }

    /** Both sides handshaken, in parallel as real actors do. */
    Channel[] connected(String transport, ChannelOptions opts) throws Exception {
        Pair p = pair(transport);
        Channel a = track(new Channel(p.client(), opts, CodecLimits.DEFAULT));
        Channel b = track(new Channel(p.server(), opts, CodecLimits.DEFAULT));
        CompletableFuture<Msg.Aid> bSide = CompletableFuture.supplyAsync(() -> b.handshake(aid("server")));
        assertEquals("server", a.handshake(aid("client")).name());
        assertEquals("client", bSide.get(5, TimeUnit.SECONDS).name());
        return new Channel[] {a, b};
    }

    static final class QueueSink implements MsgSink {
        final BlockingQueue<Object> got = new ArrayBlockingQueue<>(10_000);

        @Override public void deliver(Msg msg) { got.add(msg); }

        @Override public void fail(TransportClosed cause) { got.add(cause); }

        Object next() throws InterruptedException {
            return got.poll(10, TimeUnit.SECONDS);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"tcp", "uds"})
    void handshakeExchangesIdentitiesBothWays(String t) throws Exception {
        Channel[] c = connected(t, FAST);
        assertEquals("server", c[0].peer().name());
        assertEquals("client", c[1].peer().name());
        assertEquals(c[0].peerUid(), c[0].peer().uid());
    }

    @ParameterizedTest
    @ValueSource(strings = {"tcp", "uds"})
    void aProbeIsSeenAsOne(String t) throws Exception {
        Pair p = pair(t);
        Channel server = track(new Channel(p.server(), FAST, CodecLimits.DEFAULT));
        Channel prober = track(new Channel(p.client(), FAST, CodecLimits.DEFAULT));
        CompletableFuture<Msg.Aid> probe = CompletableFuture.supplyAsync(() ->
                prober.handshake(new Msg.Aid("probe", "p-uuid", null, null, true)));
        assertTrue(server.handshake(aid("registrar")).isProbe());
        assertEquals("registrar", probe.get(5, TimeUnit.SECONDS).name());
    }

    @ParameterizedTest
    @ValueSource(strings = {"tcp", "uds"})
    void silentPeerFailsTheHandshakeInTime(String t) throws Exception {
        Pair p = pair(t);
        Channel server = track(new Channel(p.server(), FAST, CodecLimits.DEFAULT));
        long t0 = System.nanoTime();
        TransportClosed e = assertThrows(TransportClosed.class, () -> server.handshake(aid("server")));
        assertTrue(e.getMessage().contains("no actor handshake"), e.getMessage());
        assertTrue(System.nanoTime() - t0 < Duration.ofSeconds(3).toNanos());
        assertFalse(server.isOpen());
    }

    @ParameterizedTest
    @ValueSource(strings = {"tcp", "uds"})
    void invalidHandshakeIsRefused(String t) throws Exception {
        Pair p = pair(t);
        Channel server = track(new Channel(p.server(), FAST, CodecLimits.DEFAULT));
        p.client().send(new MsgCodec().encode(new Msg.Stop("c1")));
        TransportClosed e = assertThrows(TransportClosed.class, () -> server.handshake(aid("server")));
        assertTrue(e.getMessage().contains("invalid actor handshake"), e.getMessage());

        Pair q = pair(t);
        Channel other = track(new Channel(q.server(), FAST, CodecLimits.DEFAULT));
        q.client().send(new byte[] {(byte) 0x92, 0x01});
        e = assertThrows(TransportClosed.class, () -> other.handshake(aid("server")));
        assertTrue(e.getMessage().contains("invalid actor handshake"), e.getMessage());
        assertInstanceOf(MsgDecodeException.class, e.getCause(), "248: the decode error is the cause");
    }

    @ParameterizedTest
    @ValueSource(strings = {"tcp", "uds"})
    void msgsAreRoutedByCidInOrderFromManySenders(String t) throws Exception {
        Channel[] c = connected(t, FAST);
        int dialogs = 4;
        int perDialog = 500;
        List<QueueSink> sinks = new ArrayList<>();
        for (int d = 0; d < dialogs; d++) {
            QueueSink s = new QueueSink();
            sinks.add(s);
            c[1].register("cid-" + d, s);
        }
        BlockingQueue<Msg> fallback = new ArrayBlockingQueue<>(10);
        c[1].start(fallback::add, end -> {});
        c[0].start(m -> {}, end -> {});
        Nursery.run(n -> {
            for (int d = 0; d < dialogs; d++) {
                String cid = "cid-" + d;
                n.startSoon(() -> {
                    PayloadCodec pc = new PayloadCodec();
                    for (int i = 0; i < perDialog; i++) c[0].send(new Msg.Yield(cid, pc.encode((long) i)));
                });
            }
        });
        c[0].send(new Msg.Stop("nobody-registered-this"));
        PayloadCodec pc = new PayloadCodec();
        for (QueueSink s : sinks) {
            for (long i = 0; i < perDialog; i++) {
                Msg.Yield y = assertInstanceOf(Msg.Yield.class, s.next());
                assertEquals(i, pc.decode(y.pld()));
            }
        }
        assertEquals(new Msg.Stop("nobody-registered-this"), fallback.poll(5, TimeUnit.SECONDS));
    }

    @ParameterizedTest
    @ValueSource(strings = {"tcp", "uds"})
    void peerCloseFailsEveryDialogWithTransportClosed(String t) throws Exception {
        Channel[] c = connected(t, FAST);
        QueueSink a = new QueueSink();
        QueueSink b = new QueueSink();
        c[1].register("a", a);
        c[1].register("b", b);
        CompletableFuture<TransportClosed> ended = new CompletableFuture<>();
        c[1].start(m -> {}, ended::complete);
        c[0].close();
        assertInstanceOf(TransportClosed.class, a.next());
        assertInstanceOf(TransportClosed.class, b.next());
        assertTrue(ended.get(5, TimeUnit.SECONDS).getMessage().contains("peer closed"), ended.get().getMessage());
        assertThrows(TransportClosed.class, () -> c[1].send(new Msg.Stop("x")));
        assertThrows(TransportClosed.class, () -> c[1].register("late", new QueueSink()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"tcp", "uds"})
    void localCloseEndsTheLoopQuietly(String t) throws Exception {
        Channel[] c = connected(t, FAST);
        QueueSink a = new QueueSink();
        c[1].register("a", a);
        CompletableFuture<TransportClosed> ended = new CompletableFuture<>();
        c[1].start(m -> {}, e -> ended.complete(e));
        c[1].close();
        assertInstanceOf(TransportClosed.class, a.next());
        assertNull(ended.get(5, TimeUnit.SECONDS));
        assertThrows(tractor.sc.ClosedResourceException.class, () -> c[1].send(new Msg.Stop("x")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"tcp", "uds"})
    void heartbeatsKeepAnIdleChannelAlive(String t) throws Exception {
        Channel[] c = connected(t, FAST);
        QueueSink a = new QueueSink();
        c[1].register("a", a);
        c[0].start(m -> {}, e -> {});
        c[1].start(m -> {}, e -> {});
        tractor.sc.Sc.sleep(Duration.ofMillis(1200)); // four times the silence bound, with no msg at all
        assertTrue(c[0].isOpen() && c[1].isOpen());
        c[0].send(new Msg.Stop("a"));
        assertEquals(new Msg.Stop("a"), a.next());
    }

    @ParameterizedTest
    @ValueSource(strings = {"tcp", "uds"})
    void silentPeerIsLostWithinTheBound(String t) throws Exception {
        Pair p = pair(t);
        Channel server = track(new Channel(p.server(), FAST, CodecLimits.DEFAULT));
        // the peer handshakes by hand, then never sends again (no heartbeat)
        p.client().send(new MsgCodec().encode(aid("mute")));
        server.handshake(aid("server"));
        QueueSink a = new QueueSink();
        server.register("a", a);
        long t0 = System.nanoTime();
        server.start(m -> {}, e -> {});
        TransportClosed e = assertInstanceOf(TransportClosed.class, a.next());
        long waited = System.nanoTime() - t0;
        assertTrue(e.getMessage().contains("silent"), e.getMessage());
        assertTrue(waited >= FAST.peerLostAfter().toNanos() && waited < Duration.ofSeconds(3).toNanos(), "lost after " + waited / 1e6 + " ms");
        assertFalse(server.isOpen());
    }

    @ParameterizedTest
    @ValueSource(strings = {"tcp", "uds"})
    void aFrameStalledHalfWayCountsAsSilence(String t) throws Exception {
        TransportProvider prov = Transports.get(t);
        Listener l = track(prov.listen(prov.anyAddress("stall", TransportOptions.DEFAULTS), TransportOptions.DEFAULTS));
        try (SocketChannel raw = rawConnect(l.boundAddress())) {
            FrameChannel accepted = track(l.accept(Duration.ofSeconds(5)).orElseThrow());
            Channel server = track(new Channel(accepted, FAST, CodecLimits.DEFAULT));
            write(raw, new MsgCodec().encodeFrame(aid("staller")));
            server.handshake(aid("server"));
            QueueSink a = new QueueSink();
            server.register("a", a);
            server.start(m -> {}, e -> {});
            ByteBuffer half = ByteBuffer.allocate(4 + 10).order(java.nio.ByteOrder.LITTLE_ENDIAN);
            half.putInt(1000).put(new byte[10]).flip();
            write(raw, half.array());
            TransportClosed e = assertInstanceOf(TransportClosed.class, a.next());
            assertTrue(e.getMessage().contains("silent"), e.getMessage());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"tcp", "uds"})
    void badFrameClosesOnlyThatChannel(String t) throws Exception {
        Channel[] bad = connected(t, FAST);
        Channel[] good = connected(t, FAST);
        CompletableFuture<TransportClosed> ended = new CompletableFuture<>();
        bad[1].start(m -> {}, ended::complete);
        QueueSink g = new QueueSink();
        good[1].register("g", g);
        good[1].start(m -> {}, e -> {});
        bad[0].writeRawForTest(new byte[] {(byte) 0x81, (byte) 0xa8, 'm', 's', 'g', '_', 't', 'y', 'p', 'e', (byte) 0xa4, 'N', 'o', 'p', 'e'});
        TransportClosed e = ended.get(5, TimeUnit.SECONDS);
        assertTrue(e.getMessage().contains("bad frame from client@"), e.getMessage());
        assertTrue(e.getMessage().contains("Nope"), e.getMessage());
        good[0].send(new Msg.Stop("g"));
        assertEquals(new Msg.Stop("g"), g.next());
    }

    @ParameterizedTest
    @ValueSource(strings = {"tcp", "uds"})
    void cancellingATaskMidSendLeavesTheChannelUsable(String t) throws Exception {
        Channel[] c = connected(t, FAST);
        QueueSink big = new QueueSink();
        c[1].register("big", big);
        c[1].start(m -> {}, e -> {});
        c[0].start(m -> {}, e -> {});
        Msg.Yield large = new Msg.Yield("big", new PayloadCodec().encode(new byte[4 * 1024 * 1024]));
        int sent = 0;
        for (int round = 0; round < 5; round++) {
            int[] n = {0};
            CancelScope.moveOnAfter(Duration.ofMillis(3), s -> {
                while (true) {
                    c[0].send(large);
                    n[0]++;
                }
            });
            sent += n[0];
        }
        assertTrue(c[0].isOpen(), "a cancelled send never closes the channel");
        c[0].send(new Msg.Stop("big"));
        for (int i = 0; i < sent; i++) assertInstanceOf(Msg.Yield.class, big.next());
        // a send cancelled before it wrote anything is not delivered; every frame that was written arrives whole
        Object last;
        do {
            last = big.next();
        } while (last instanceof Msg.Yield);
        assertEquals(new Msg.Stop("big"), last);
    }

    static SocketChannel rawConnect(Address a) throws Exception {
        String s = a.toString();
        SocketAddress sa;
        if (s.startsWith("tcp://")) {
            String hp = s.substring("tcp://".length());
            int i = hp.lastIndexOf(':');
            sa = new InetSocketAddress(hp.substring(0, i), Integer.parseInt(hp.substring(i + 1)));
            return SocketChannel.open(sa);
        }
        sa = UnixDomainSocketAddress.of(s.substring("uds://".length()));
        SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX);
        ch.connect(sa);
        return ch;
    }

    static void write(SocketChannel ch, byte[] bytes) throws Exception {
        ByteBuffer b = ByteBuffer.wrap(bytes);
        while (b.hasRemaining()) ch.write(b);
    }
}
