package tractor.transport.tck;

import java.io.InterruptedIOException;
import java.net.SocketAddress;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import tractor.transport.spi.Address;
import tractor.transport.spi.FrameChannel;
import tractor.transport.spi.Listener;
import tractor.transport.spi.TransportOptions;
import tractor.transport.spi.TransportProvider;

/**
 * What the TCK classes share: the transport under test (supplied by each transport's subclass), channels
 * and listeners closed after each test, connected pairs, raw peers, and waiting for a thread to block.
 */
public abstract class TckFixture {
    protected static final int LIMIT = 1 << 20;
    protected static final TransportOptions OPTIONS = TransportOptions.DEFAULTS.withMaxFrameSize(LIMIT).withConnectTimeout(Duration.ofSeconds(2));

    private final List<AutoCloseable> open = new ArrayList<>();

    /** The transport under test, as created by its public constructor. */
    protected abstract TransportProvider provider();

    /** An address of this transport where nobody listens. */
    protected abstract Address deadAddress();

    /** The JDK socket address behind an address of this transport. */
    protected abstract SocketAddress socketAddress(Address a);

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : open.reversed()) c.close();
    }

    protected <T extends AutoCloseable> T track(T c) {
        open.add(c);
        return c;
    }

    protected Listener listen() {
        return listen(OPTIONS);
    }

    protected Listener listen(TransportOptions options) {
        return track(provider().listen(provider().anyAddress("tck", options), options));
    }

    /** A connected pair: [client, server]. */
    protected FrameChannel[] pair() throws Exception {
        return pair(OPTIONS);
    }

    /** A connected pair with these options: [client, server]. */
    protected FrameChannel[] pair(TransportOptions options) throws Exception {
        Listener l = listen(options);
        FrameChannel c = track(provider().connect(l.boundAddress(), options));
        FrameChannel s = track(l.accept(Duration.ofSeconds(5)).orElseThrow());
        return new FrameChannel[] {c, s};
    }

    protected SocketChannel raw(Listener l) throws Exception {
        return track(SocketChannel.open(socketAddress(l.boundAddress())));
    }

    protected static byte[] bytes(int n, int seed) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) b[i] = (byte) (seed + i * 31);
        return b;
    }

    /** Waits (spinning, no sleep) until a thread is parked or blocked inside a method matching {@code where}. */
    protected static void awaitBlockedIn(Thread t, Predicate<StackTraceElement> where) {
        while (!Arrays.stream(t.getStackTrace()).anyMatch(where)) Thread.onSpinWait();
    }

    protected static Predicate<StackTraceElement> method(String cls, String m) {
        return e -> e.getClassName().endsWith(cls) && e.getMethodName().equals(m);
    }

    protected static void sendQuietly(FrameChannel ch, byte[] body) {
        try {
            ch.send(body);
        } catch (InterruptedIOException e) {
            throw new AssertionError(e);
        }
    }
}
