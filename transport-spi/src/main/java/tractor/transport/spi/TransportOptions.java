package tractor.transport.spi;

import java.time.Duration;
import java.util.Objects;

/**
 * Options of a listener or a connection.
 *
 * @param bindHost the host a TCP listener binds (default {@code 127.0.0.1}: loopback only); ignored by
 *     transports without hosts
 * @param connectTimeout the bound on establishing a connection (default 5 s)
 * @param maxFrameSize the largest frame body accepted or sent, in bytes (default 16 MiB); checked before
 *     anything is allocated
 * @param security how connections authenticate (default {@link TransportSecurity#NONE})
 */
public record TransportOptions(String bindHost, Duration connectTimeout, int maxFrameSize, TransportSecurity security) {
    /** 16 MiB, tractor's default frame limit. */
    public static final int DEFAULT_MAX_FRAME_SIZE = 16 * 1024 * 1024;

    /** The defaults: loopback, 5 s, 16 MiB. */
    public static final TransportOptions DEFAULTS = new TransportOptions("127.0.0.1", Duration.ofSeconds(5), DEFAULT_MAX_FRAME_SIZE,
            TransportSecurity.NONE);

    /**
     * @throws NullPointerException if {@code bindHost}, {@code connectTimeout} or {@code security} is null
     * @throws IllegalArgumentException if {@code connectTimeout} is negative or {@code maxFrameSize} is not positive
     */
    public TransportOptions {
        Objects.requireNonNull(bindHost, "bindHost");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(security, "security");
        if (connectTimeout.isNegative()) throw new IllegalArgumentException("connectTimeout " + connectTimeout + " is negative");
        if (maxFrameSize <= 0) throw new IllegalArgumentException("maxFrameSize " + maxFrameSize + " is not positive");
    }

    /** Options without security settings ({@link TransportSecurity#NONE}). */
    public TransportOptions(String bindHost, Duration connectTimeout, int maxFrameSize) {
        this(bindHost, connectTimeout, maxFrameSize, TransportSecurity.NONE);
    }

    /** A copy with another bind host. */
    public TransportOptions withBindHost(String host) {
        return new TransportOptions(host, connectTimeout, maxFrameSize, security);
    }

    /** A copy with another connect timeout. */
    public TransportOptions withConnectTimeout(Duration timeout) {
        return new TransportOptions(bindHost, timeout, maxFrameSize, security);
    }

    /** A copy with another maximum frame size. */
    public TransportOptions withMaxFrameSize(int bytes) {
        return new TransportOptions(bindHost, connectTimeout, bytes, security);
    }

    /** A copy with other security settings. */
    public TransportOptions withSecurity(TransportSecurity s) {
        return new TransportOptions(bindHost, connectTimeout, maxFrameSize, s);
    }
}
