package tractor.transport.spi;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * How connections authenticate before any frame reaches the caller.
 *
 * <p>With a {@linkplain #secret() shared secret}, every new connection, on both ends, first runs a mutual
 * challenge: each side sends a fresh 32-byte nonce and proves the secret with an HMAC-SHA256 over both
 * nonces and its direction, so neither a replayed transcript nor a reflected challenge passes; the
 * listener then sends its verdict. Until it has passed, {@link FrameChannel#send} waits and nothing is
 * delivered to {@link FrameChannel#receive}; a peer that fails it, or does not finish it within
 * {@link #handshakeTimeout()}, makes the channel fail with {@link AuthenticationFailed}. A listener
 * keeps at most {@link #maxPendingHandshakes()} connections in that state and closes further ones at
 * once.
 *
 * @param secret               the shared secret, or null for no challenge
 * @param handshakeTimeout     the bound on the whole authentication of one connection
 * @param maxPendingHandshakes how many connections a listener keeps while they authenticate
 * @param settings             transport-specific security settings by name: the TLS settings {@code tls.keyStore},
 *                             {@code tls.keyStorePassword}, {@code tls.keyPassword}, {@code tls.trustStore},
 *                             {@code tls.trustStorePassword}, {@code tls.storeType}, {@code tls.protocol},
 *                             {@code tls.clientAuth} (see the README's Security section)
 */
public record TransportSecurity(SharedSecret secret, Duration handshakeTimeout, int maxPendingHandshakes,
                                Map<String, String> settings) {
    /** No secret; a 10 s handshake bound and 64 pending handshakes should one be set. */
    public static final TransportSecurity NONE = new TransportSecurity(null, Duration.ofSeconds(10), 64, Map.of());

    /**
     * @throws NullPointerException if {@code handshakeTimeout} or {@code settings} is null
     * @throws IllegalArgumentException if {@code handshakeTimeout} is not positive or
     *     {@code maxPendingHandshakes} is not positive
     */
    public TransportSecurity {
        Objects.requireNonNull(handshakeTimeout, "handshakeTimeout");
        if (handshakeTimeout.isNegative() || handshakeTimeout.isZero()) {
            throw new IllegalArgumentException("handshakeTimeout must be positive, got " + handshakeTimeout);
        }
        if (maxPendingHandshakes <= 0) throw new IllegalArgumentException("maxPendingHandshakes must be positive, got " + maxPendingHandshakes);
        settings = Map.copyOf(settings);
    }

    /** Whether connections run the shared-secret challenge. */
    public boolean authenticates() {
        return secret != null;
    }

    /**
     * Whether connections use TLS: the settings name a key store ({@code tls.keyStore}). TLS connections
     * authenticate by certificates (mutual unless {@code tls.clientAuth=none}); the shared-secret challenge
     * is not run on them.
     */
    public boolean tls() {
        return TlsContexts.enabled(settings);
    }

    /** Whether TLS authenticates both ends: TLS is on and the listener requires a client certificate. */
    public boolean mutualTls() {
        return tls() && TlsContexts.clientAuth(settings);
    }

    /** Whether a new connection runs a handshake (TLS or the shared-secret challenge) before it carries frames. */
    public boolean handshakes() {
        return tls() || authenticates();
    }

    /** A copy with another secret (null: none). */
    public TransportSecurity withSecret(SharedSecret s) {
        return new TransportSecurity(s, handshakeTimeout, maxPendingHandshakes, settings);
    }

    /** A copy with another handshake bound. */
    public TransportSecurity withHandshakeTimeout(Duration timeout) {
        return new TransportSecurity(secret, timeout, maxPendingHandshakes, settings);
    }

    /** A copy with another cap on connections still authenticating. */
    public TransportSecurity withMaxPendingHandshakes(int max) {
        return new TransportSecurity(secret, handshakeTimeout, max, settings);
    }

    /** A copy with other transport-specific settings. */
    public TransportSecurity withSettings(Map<String, String> s) {
        return new TransportSecurity(secret, handshakeTimeout, maxPendingHandshakes, s);
    }

    /**
     * Whether a frame body is one of the authentication messages: a peer that runs no challenge receives
     * the listener's refusal as such a frame and can say so instead of "invalid handshake".
     */
    public static boolean isAuthenticationFrame(byte[] body) {
        return PeerAuth.isAuthBody(body);
    }

    @Override
    public String toString() {
        return "TransportSecurity[" + (secret == null ? "no secret" : "shared secret") + (tls() ? ", TLS" : "") + ", handshake " + handshakeTimeout
                + ", max pending " + maxPendingHandshakes + ", settings " + settings.keySet() + "]";
    }
}
