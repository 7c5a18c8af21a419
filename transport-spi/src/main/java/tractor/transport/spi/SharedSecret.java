package tractor.transport.spi;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The shared secret every actor of a tree proves on each connection (see {@link TransportSecurity}).
 * Its {@link #toString()} never shows the secret.
 *
 * {@snippet :
 * TransportOptions o = TransportOptions.DEFAULTS.withSecurity(TransportSecurity.NONE.withSecret(SharedSecret.of(text)));
 * }
 */
public final class SharedSecret {
    private final String text;

    private SharedSecret(String text) {
        this.text = text;
    }

    /**
     * A secret from its text.
     *
     * @throws NullPointerException if {@code text} is null
     * @throws IllegalArgumentException if {@code text} is blank
     */
    public static SharedSecret of(String text) {
        Objects.requireNonNull(text, "text");
        if (text.isBlank()) throw new IllegalArgumentException("a shared secret must not be empty or blank");
        return new SharedSecret(text);
    }

    /**
     * The secret's text, to hand it to a child actor (in memory or through its environment, never on a
     * command line).
     */
    public String text() {
        return text;
    }

    /** The HMAC key: the text's UTF-8 bytes (a fresh copy). */
    byte[] key() {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SharedSecret s && java.security.MessageDigest.isEqual(key(), s.key());
    }

    @Override
    public int hashCode() {
        return 1; // never derived from the secret
    }

    @Override
    public String toString() {
        return "SharedSecret[redacted]";
    }
}
