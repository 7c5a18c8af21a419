package tractor.transport.inproc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import tractor.TransportClosed;
import tractor.sc.ClosedResourceException;
import tractor.transport.spi.FrameChannel;
import tractor.transport.spi.Listener;
import tractor.transport.spi.TransportException;
import tractor.transport.spi.SharedSecret;
import tractor.transport.spi.TransportOptions;
import tractor.transport.spi.TransportSecurity;

class InprocListenerTest {
    private static final TransportOptions OPTS = TransportOptions.DEFAULTS;
    private final InprocTransport t = new InprocTransport();

    @Test
    void connectsAPairWithTheListenersAddressOnBothSides() throws Exception {
        InprocAddress a = t.anyAddress("pair", OPTS);
        try (Listener l = t.listen(a, OPTS); FrameChannel client = t.connect(a, OPTS); FrameChannel server = l.accept(Duration.ofSeconds(5)).orElseThrow()) {
            assertEquals(a, l.boundAddress());
            assertEquals(a, client.remoteAddress());
            assertEquals(a, server.localAddress());
            assertEquals(client.localAddress(), server.remoteAddress());
            client.send(new byte[] {1, 2});
            assertArrayEquals(new byte[] {1, 2}, server.receive());
            server.send(new byte[] {3});
            assertArrayEquals(new byte[] {3}, client.receive());
        }
    }

    @Test
    void aSecondListenOnTheNameFailsNamingItAndCloseFreesIt() {
        InprocAddress a = t.anyAddress("twice", OPTS);
        Listener first = t.listen(a, OPTS);
        TransportException e = assertThrows(TransportException.class, () -> t.listen(a, OPTS));
        assertTrue(e.getMessage().contains(a.toString()), e.getMessage());
        first.close();
        first.close();
        t.listen(a, OPTS).close();
    }

    @Test
    void connectingWhereNobodyListensFailsAtOnceNamingTheAddress() throws Exception {
        InprocAddress a = t.anyAddress("nobody", OPTS);
        TransportClosed e = assertThrows(TransportClosed.class, () -> t.connect(a, OPTS));
        assertTrue(e.getMessage().contains(a.toString()), e.getMessage());
        t.listen(a, OPTS).close();
        assertThrows(TransportClosed.class, () -> t.connect(a, OPTS));
    }

    @Test
    void acceptTimesOutEmpty() throws Exception {
        try (Listener l = t.listen(t.anyAddress("idle", OPTS), OPTS)) {
            assertTrue(l.accept(Duration.ofMillis(20)).isEmpty());
            assertTrue(l.accept(Duration.ZERO).isEmpty());
        }
    }

    @Test
    void closingEndsAWaitingAcceptAndClosesUnacceptedConnections() throws Exception {
        InprocAddress a = t.anyAddress("closing", OPTS);
        Listener l = t.listen(a, OPTS);
        FrameChannel client = t.connect(a, OPTS);
        client.send(new byte[] {9});
        CompletableFuture<Throwable> acceptEnd = new CompletableFuture<>();
        try (Listener other = t.listen(t.anyAddress("closing-2", OPTS), OPTS)) {
            Thread waiter = Thread.ofVirtual().start(() -> acceptEnd.complete(catching(() -> other.accept(Duration.ofMinutes(5)))));
            Blocked.await(waiter);
            other.close();
            assertInstanceOf(ClosedResourceException.class, acceptEnd.get());
            assertThrows(ClosedResourceException.class, () -> other.accept(Duration.ZERO));
        }
        l.close();
        TransportClosed e = assertThrows(TransportClosed.class, client::receive);
        assertTrue(e.getMessage().contains("peer closed the connection"), e.getMessage());
        assertThrows(TransportClosed.class, () -> client.send(new byte[] {1}));
        assertFalse(client.isOpen());
        client.close();
        assertThrows(TransportClosed.class, () -> t.connect(a, OPTS));
    }

    @Test
    void anInterruptedAcceptThrowsAndTheListenerStaysOpen() throws Exception {
        InprocAddress a = t.anyAddress("interrupt", OPTS);
        try (Listener l = t.listen(a, OPTS)) {
            CompletableFuture<Throwable> end = new CompletableFuture<>();
            Thread waiter = Thread.ofVirtual().start(() -> end.complete(catching(() -> l.accept(Duration.ofMinutes(5)))));
            Blocked.await(waiter);
            waiter.interrupt();
            assertInstanceOf(InterruptedIOException.class, end.get());
            try (FrameChannel c = t.connect(a, OPTS); FrameChannel s = l.accept(Duration.ofSeconds(5)).orElseThrow()) {
                assertEquals(a, s.localAddress());
            }
        }
    }

    @Test
    void eachEndUsesTheFrameLimitOfItsOwnOptions() throws Exception {
        InprocAddress a = t.anyAddress("limits", OPTS);
        try (Listener l = t.listen(a, OPTS.withMaxFrameSize(100)); FrameChannel c = t.connect(a, OPTS.withMaxFrameSize(200));
             FrameChannel s = l.accept(Duration.ofSeconds(5)).orElseThrow()) {
            assertEquals(200, c.maxFrameSize());
            assertEquals(100, s.maxFrameSize());
        }
    }

    /** One JVM, one trust domain: a secret in the options is not applied (documented), so mismatched secrets connect. */
    @Test
    void aSharedSecretInTheOptionsIsNotApplied() throws Exception {
        InprocAddress a = t.anyAddress("secret", OPTS);
        TransportOptions mine = OPTS.withSecurity(new TransportSecurity(SharedSecret.of("one"), Duration.ofSeconds(1), 1, java.util.Map.of()));
        TransportOptions theirs = OPTS.withSecurity(new TransportSecurity(SharedSecret.of("two"), Duration.ofSeconds(1), 1, java.util.Map.of()));
        try (Listener l = t.listen(a, mine); FrameChannel c = t.connect(a, theirs); FrameChannel s = l.accept(Duration.ofSeconds(5)).orElseThrow()) {
            c.send(new byte[] {4, 2});
            assertArrayEquals(new byte[] {4, 2}, s.receive(), "the first frame is the caller's, no handshake frame");
        }
    }

    interface Action {
        Object run() throws Exception;
    }

    static Throwable catching(Action a) {
        try {
            return new AssertionError("no exception; returned " + a.run());
        } catch (Throwable e) {
            return e;
        }
    }
}
