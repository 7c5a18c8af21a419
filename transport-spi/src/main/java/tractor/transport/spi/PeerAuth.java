package tractor.transport.spi;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tractor.TransportClosed;

/**
 * The shared-secret challenge of {@link TransportSecurity}, run on a virtual thread of the channel on the raw
 * socket before the channel carries anything. Four fixed-size frames (each a 4-byte little-endian
 * length, then a body starting with {@code C1 'T' 'A'} and a type byte; {@code C1} is never msgpack):
 * <pre>
 * client -> server  HELLO      nonceC (32)
 * server -> client  CHALLENGE  nonceS (32), HMAC(k, "tractor-auth-1 server" | nonceC | nonceS)
 * client -> server  RESPONSE   HMAC(k, "tractor-auth-1 client" | nonceC | nonceS)
 * server -> client  VERDICT    0 accepted, 1 refused
 * </pre>
 * Lengths are checked before reading a body, so an unauthenticated peer makes nothing be allocated;
 * one deadline bounds the whole exchange; MACs are compared in constant time.
 */
final class PeerAuth {
    private static final byte[] MAGIC = {(byte) 0xC1, 'T', 'A'};
    private static final byte HELLO = 'H', CHALLENGE = 'C', RESPONSE = 'R', VERDICT = 'V';
    private static final int NONCE = 32, MAC = 32, DISCARDABLE = 64 * 1024;
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Where refused peers are reported (the accepting side logs each refusal once). */
    static final System.Logger LOG = System.getLogger("tractor.transport.security");

    private final SocketChannel socket;
    private final SharedSecret secret;
    private final Address local;
    private final Address remote;
    private final boolean accepted;
    private final Runnable afterAuth;
    private final java.util.concurrent.CompletableFuture<Void> done = new java.util.concurrent.CompletableFuture<>();
    private final long deadline;
    private final java.time.Duration timeout;
    private final Selector selector;

    /**
     * @param accepted  whether this end accepted the connection (it then plays the server and logs refusals)
     * @param afterAuth runs once the exchange has ended, before its outcome is visible to anyone
     */
    PeerAuth(SocketChannel socket, TransportSecurity security, Address local, Address remote, boolean accepted,
             Runnable afterAuth) throws IOException {
        this.socket = socket;
        this.secret = security.secret();
        this.local = local;
        this.remote = remote;
        this.accepted = accepted;
        this.afterAuth = afterAuth;
        this.timeout = security.handshakeTimeout();
        this.deadline = System.nanoTime() + timeout.toNanos();
        this.selector = Selector.open();
    }

    /**
     * Runs the exchange (on a virtual thread of the channel, before it reads frames); on failure hands {@link AuthenticationFailed} to
     * {@code broken}, which closes the channel, before waiting senders are released. A refusal is logged
     * on the accepting side unless this side closed the socket.
     *
     * @return whether the peer proved the secret
     */
    boolean run(java.util.function.Consumer<TransportClosed> broken) {
        AuthenticationFailed failed = null;
        try {
            if (accepted) server();
            else client();
        } catch (IOException | RuntimeException e) {
            failed = e instanceof AuthenticationFailed a ? a : new AuthenticationFailed("authentication with " + remote + " failed: " + e, e);
            if (accepted && socket.isOpen()) LOG.log(System.Logger.Level.WARNING, "AuthenticationFailed: refused " + remote + " on " + local + ": " + failed.getMessage());
        } finally {
            afterAuth.run();
            if (failed != null) broken.accept(failed);
            done.complete(null);
        }
        return failed == null;
    }

    /** Waits until the exchange has ended, passed or not (a sender then finds the channel usable or broken). */
    void await() throws java.io.InterruptedIOException {
        if (done.isDone()) return;
        try {
            done.get();
        } catch (InterruptedException e) {
            throw (java.io.InterruptedIOException) new java.io.InterruptedIOException("send to " + remote + " interrupted while authenticating").initCause(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e); // never completed exceptionally
        }
    }

    /** Wakes a waiting exchange so that it sees the socket closed. */
    void wakeup() {
        selector.wakeup();
    }

    /** The client's side: proves the secret, checks the server's proof, reads the verdict. */
    private void client() throws IOException {
        try (selector) {
            byte[] nonceC = nonce();
            write(HELLO, nonceC);
            ByteBuffer ch = read(CHALLENGE, NONCE + MAC, "a challenge");
            byte[] nonceS = take(ch, NONCE);
            if (!MessageDigest.isEqual(take(ch, MAC), mac("server", nonceC, nonceS))) {
                throw fail("the server did not prove the shared secret (it holds a different one)");
            }
            write(RESPONSE, mac("client", nonceC, nonceS));
            if (read(VERDICT, 1, "a verdict").get() != 0) {
                throw fail("the server refused our proof of the shared secret (it holds a different one)");
            }
        }
    }

    /** The server's side: challenges the client and tells it the verdict. */
    private void server() throws IOException {
        try (selector) {
            byte[] nonceC;
            try {
                nonceC = take(read(HELLO, NONCE, "an authentication hello (is a shared secret configured there?)"), NONCE);
            } catch (AuthenticationFailed e) {
                refuse();
                throw e;
            }
            byte[] nonceS = nonce();
            write(CHALLENGE, concat(nonceS, mac("server", nonceC, nonceS)));
            byte[] proof = take(read(RESPONSE, MAC, "a response to the challenge"), MAC);
            boolean ok = MessageDigest.isEqual(proof, mac("client", nonceC, nonceS));
            write(VERDICT, new byte[] {(byte) (ok ? 0 : 1)});
            if (!ok) throw fail("the client's proof of the shared secret is wrong (a different secret, or a replayed handshake)");
        }
    }

    /** Best effort, for a peer that sent something else than a hello: tell it it was refused. */
    private void refuse() {
        try {
            write(VERDICT, new byte[] {1});
        } catch (IOException ignored) {
            // it is being dropped either way
        }
    }

    static boolean isAuthBody(byte[] body) {
        return body.length >= 4 && body[0] == MAGIC[0] && body[1] == MAGIC[1] && body[2] == MAGIC[2];
    }

    private AuthenticationFailed fail(String why) {
        return new AuthenticationFailed("authentication with " + remote + " failed: " + why);
    }

    private byte[] mac(String direction, byte[] nonceC, byte[] nonceS) {
        try {
            Mac m = Mac.getInstance("HmacSHA256");
            m.init(new SecretKeySpec(secret.key(), "HmacSHA256"));
            m.update(("tractor-auth-1 " + direction).getBytes(StandardCharsets.US_ASCII));
            m.update(nonceC);
            m.update(nonceS);
            return m.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available: " + e, e);
        }
    }

    private void write(byte type, byte[] payload) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(4 + 4 + payload.length).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(4 + payload.length).put(MAGIC).put(type).put(payload).flip();
        while (b.hasRemaining()) {
            if (socket.write(b) == 0) await(SelectionKey.OP_WRITE, "sending");
        }
    }

    /** Reads one frame of this type whose payload has exactly {@code size} bytes; positioned at the payload. */
    private ByteBuffer read(byte type, int size, String expected) throws IOException {
        ByteBuffer len = readExactly(4, expected).order(ByteOrder.LITTLE_ENDIAN);
        long n = Integer.toUnsignedLong(len.getInt());
        if (n != 4 + size) {
            // a peer without a secret sent its first msg: consume a small one, so that our refusal is not lost to a reset
            if (n <= DISCARDABLE) readExactly((int) n, expected);
            throw fail("expected " + expected + " (a frame of " + (4 + size) + " bytes), got a frame of " + n + " bytes");
        }
        ByteBuffer body = readExactly(4 + size, expected);
        byte[] head = take(body, 4);
        if (!isAuthBody(head) || head[3] != type) throw fail("expected " + expected + ", got another frame");
        return body;
    }

    private ByteBuffer readExactly(int n, String expected) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(n);
        while (b.hasRemaining()) {
            int r = socket.read(b);
            if (r < 0) throw fail("the peer closed the connection while we waited for " + expected);
            if (r == 0) await(SelectionKey.OP_READ, "waiting for " + expected);
        }
        return b.flip();
    }

    private void await(int op, String doing) throws IOException {
        long left = deadline - System.nanoTime();
        if (left <= 0) throw fail("not done within the handshake timeout of " + timeout + " (" + doing + ")");
        SelectionKey key = socket.register(selector, op);
        selector.select(Math.max(1, left / 1_000_000));
        selector.selectedKeys().clear();
        key.interestOps(0);
        if (!socket.isOpen()) throw new java.nio.channels.AsynchronousCloseException();
    }

    private static byte[] take(ByteBuffer b, int n) {
        byte[] out = new byte[n];
        b.get(out);
        return out;
    }

    private static byte[] nonce() {
        byte[] n = new byte[NONCE];
        RANDOM.nextBytes(n);
        return n;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Override
    public String toString() {
        return "PeerAuth[" + remote + "]";
    }
}
