package tractor.transport.tck;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tractor.TransportClosed;
import tractor.testkit.Bounded;
import tractor.transport.spi.Address;
import tractor.transport.spi.AuthenticationFailed;
import tractor.transport.spi.FrameChannel;
import tractor.transport.spi.Listener;
import tractor.transport.spi.SharedSecret;
import tractor.transport.spi.TransportOptions;
import tractor.transport.spi.TransportProvider;
import tractor.transport.spi.TransportSecurity;

/**
 * The shared-secret authentication TCK (fault E.37's wire half): every socket transport runs these by
 * supplying its provider and the JDK address behind one of its addresses. Raw peers speak the documented
 * challenge by hand (see {@code TransportSecurity}), so a wrong implementation cannot agree with itself.
 */
@Bounded(seconds = 20)
public abstract class SecurityTck {
    protected static final SharedSecret SECRET = SharedSecret.of("correct horse battery staple");
    protected static final TransportOptions SECURE = options(SECRET, Duration.ofSeconds(10), 64);

    private final List<AutoCloseable> open = new ArrayList<>();

    protected abstract TransportProvider provider();

    protected abstract SocketAddress socketAddress(Address a);

    protected static TransportOptions options(SharedSecret s, Duration handshake, int maxPending) {
        return TransportOptions.DEFAULTS.withConnectTimeout(Duration.ofSeconds(2)).withSecurity(
                TransportSecurity.NONE.withSecret(s).withHandshakeTimeout(handshake).withMaxPendingHandshakes(maxPending));
    }

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : open.reversed()) c.close();
    }

    protected <T extends AutoCloseable> T track(T c) {
        open.add(c);
        return c;
    }

    protected Listener listen(TransportOptions o) {
        return track(provider().listen(provider().anyAddress("sec", o), o));
    }

    private FrameChannel accept(Listener l) throws Exception {
        return track(l.accept(Duration.ofSeconds(5)).orElseThrow());
    }

    private SocketChannel raw(Listener l) throws Exception {
        return track(SocketChannel.open(socketAddress(l.boundAddress())));
    }

    @Test
    void peersWithTheSameSecretExchangeFrames() throws Exception {
        Listener l = listen(SECURE);
        FrameChannel c = track(provider().connect(l.boundAddress(), SECURE));
        FrameChannel s = accept(l);
        c.send("ping".getBytes());
        assertEquals("ping", new String(s.receive()));
        s.send("pong".getBytes());
        assertEquals("pong", new String(c.receive()));
    }

    /** E.37: a wrong secret is refused on both ends; nothing the client sent reaches the server's receiver. */
    @Test
    void wrongSecretIsRefusedOnBothEnds() throws Exception {
        Listener l = listen(SECURE);
        FrameChannel c = track(provider().connect(l.boundAddress(), options(SharedSecret.of("wrong"), Duration.ofSeconds(10), 64)));
        FrameChannel s = accept(l);
        var client = assertThrows(AuthenticationFailed.class, () -> c.send("intrusion".getBytes()));
        assertTrue(client.getMessage().contains("authentication") && client.getMessage().contains("failed"), client.getMessage());
        var server = assertThrows(AuthenticationFailed.class, s::receive);
        assertTrue(server.getMessage().contains(String.valueOf(s.remoteAddress())), server.getMessage());
        assertFalse(s.isOpen());
        assertThrows(AuthenticationFailed.class, c::receive, "the client's receive reports the refusal too");
    }

    /** A peer without a secret is refused: its first frame is never delivered, and it is told why. */
    @Test
    void peerWithoutSecretIsRefused() throws Exception {
        Listener l = listen(SECURE);
        FrameChannel c = track(provider().connect(l.boundAddress(), TransportOptions.DEFAULTS));
        FrameChannel s = accept(l);
        c.send("plain Aid".getBytes());
        assertThrows(AuthenticationFailed.class, s::receive);
        assertTrue(TransportSecurity.isAuthenticationFrame(c.receive()), "the refusal arrives as an authentication frame");
        assertThrows(TransportClosed.class, c::receive, "then the connection is closed");
    }

    /** E.37: a recorded, valid client transcript replayed on a new connection fails (the server's nonce is fresh). */
    @Test
    void replayedTranscriptIsRefused() throws Exception {
        Listener l = listen(SECURE);
        SocketChannel first = raw(l);
        FrameChannel s1 = accept(l);
        ByteArrayOutputStream transcript = new ByteArrayOutputStream();
        byte[] nonceC = new byte[32];
        Arrays.fill(nonceC, (byte) 7);
        byte[] hello = frame('H', nonceC);
        write(first, hello, transcript);
        byte[] challenge = readFrame(first, 68);
        byte[] nonceS = Arrays.copyOfRange(challenge, 4, 36);
        assertArrayEquals(mac("server", nonceC, nonceS), Arrays.copyOfRange(challenge, 36, 68), "the server proves the secret");
        write(first, frame('R', mac("client", nonceC, nonceS)), transcript);
        assertEquals(0, readFrame(first, 5)[4], "the honest transcript is accepted");
        first.write(ByteBuffer.wrap(new byte[] {4, 0, 0, 0, 'l', 'i', 'v', 'e'}));
        assertEquals("live", new String(s1.receive()));

        SocketChannel replay = raw(l);
        FrameChannel s2 = accept(l);
        replay.write(ByteBuffer.wrap(transcript.toByteArray()));
        byte[] challenge2 = readFrame(replay, 68);
        assertFalse(Arrays.equals(nonceS, Arrays.copyOfRange(challenge2, 4, 36)), "a fresh server nonce");
        assertEquals(1, readFrame(replay, 5)[4], "the replayed proof is refused");
        assertEquals(0, drain(replay), "and the connection closed");
        var e = assertThrows(AuthenticationFailed.class, s2::receive);
        assertTrue(e.getMessage().contains("replayed"), e.getMessage());
    }

    /** E.37: a connection that never completes the handshake (slowloris) is closed after the handshake timeout. */
    @Test
    void slowlorisIsClosedAfterTheHandshakeTimeout() throws Exception {
        Listener l = listen(options(SECRET, Duration.ofMillis(500), 64));
        long t0 = System.nanoTime();
        SocketChannel idle = raw(l);
        FrameChannel s = accept(l);
        idle.write(ByteBuffer.wrap(new byte[] {40, 0})); // half a length prefix, then nothing
        drain(idle); // the refusal, then the end: closed by the server
        assertTrue(System.nanoTime() - t0 >= Duration.ofMillis(500).toNanos(), "not before the handshake timeout");
        var e = assertThrows(AuthenticationFailed.class, s::receive);
        assertTrue(e.getMessage().contains("handshake timeout"), e.getMessage());
    }

    /** E.37: at most N connections authenticate at once; more are closed at once, and admitted again once room is free. */
    @Test
    void preAuthConnectionsAreCapped() throws Exception {
        Listener l = listen(options(SECRET, Duration.ofSeconds(1), 2));
        SocketChannel a = raw(l), b = raw(l);
        FrameChannel sa = accept(l), sb = accept(l);
        CompletableFuture<FrameChannel> next = CompletableFuture.supplyAsync(() -> acceptQuietly(l), Thread::startVirtualThread);
        SocketChannel over = raw(l);
        assertEquals(0, drain(over), "the connection over the cap is closed at once, without a word");
        assertTrue(sa.isOpen() && sb.isOpen(), "... while the two pending ones still wait for their handshake");
        assertFalse(next.isDone(), "and it is never handed out");
        drain(a);
        drain(b);
        FrameChannel c = track(provider().connect(l.boundAddress(), SECURE));
        c.send("admitted".getBytes());
        FrameChannel s = track(next.join());
        assertEquals("admitted", new String(s.receive()));
    }

    private static FrameChannel acceptQuietly(Listener l) {
        try {
            return l.accept(Duration.ofSeconds(10)).orElseThrow();
        } catch (java.io.InterruptedIOException e) {
            throw new AssertionError(e);
        }
    }

    /** Reads until the peer closes; returns how many bytes came first. */
    private static int drain(SocketChannel s) throws Exception {
        ByteBuffer b = ByteBuffer.allocate(256);
        int n = 0;
        for (int r; (r = s.read(b.clear())) >= 0; ) n += r;
        return n;
    }

    static byte[] frame(char type, byte[] payload) {
        ByteBuffer b = ByteBuffer.allocate(8 + payload.length).order(ByteOrder.LITTLE_ENDIAN);
        return b.putInt(4 + payload.length).put((byte) 0xC1).put((byte) 'T').put((byte) 'A').put((byte) type).put(payload).array();
    }

    static byte[] mac(String direction, byte[] nonceC, byte[] nonceS) throws Exception {
        Mac m = Mac.getInstance("HmacSHA256");
        m.init(new SecretKeySpec(SECRET.text().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        m.update(("tractor-auth-1 " + direction).getBytes(StandardCharsets.US_ASCII));
        m.update(nonceC);
        return m.doFinal(nonceS);
    }

    private static void write(SocketChannel s, byte[] bytes, ByteArrayOutputStream record) throws Exception {
        s.write(ByteBuffer.wrap(bytes));
        record.write(bytes);
    }

    /** Reads one frame whose body has {@code size} bytes; returns the body. */
    private static byte[] readFrame(SocketChannel s, int size) throws Exception {
        ByteBuffer b = ByteBuffer.allocate(4 + size).order(ByteOrder.LITTLE_ENDIAN);
        while (b.hasRemaining()) if (s.read(b) < 0) throw new AssertionError("closed after " + b.position() + " bytes");
        assertEquals(size, b.getInt(0), "frame length");
        return Arrays.copyOfRange(b.array(), 4, 4 + size);
    }
}
