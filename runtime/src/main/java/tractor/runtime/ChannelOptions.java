package tractor.runtime;

import java.time.Duration;
import java.util.Objects;

/**
 * The timing of a {@link Channel}.
 *
 * @param handshakeTimeout how long the {@code Aid} exchange may take (tractor: 10 s)
 * @param heartbeatInterval how often an idle channel sends a heartbeat
 * @param peerLostAfter    how long a peer may stay silent (no whole frame) before it is lost
 */
public record ChannelOptions(Duration handshakeTimeout, Duration heartbeatInterval, Duration peerLostAfter) {
    /** 10 s handshake, a heartbeat every second, a peer lost after 5 s of silence. */
    public static final ChannelOptions DEFAULTS = new ChannelOptions(Duration.ofSeconds(10), Duration.ofSeconds(1), Duration.ofSeconds(5));

    public ChannelOptions {
        Objects.requireNonNull(handshakeTimeout, "handshakeTimeout");
        Objects.requireNonNull(heartbeatInterval, "heartbeatInterval");
        Objects.requireNonNull(peerLostAfter, "peerLostAfter");
        if (heartbeatInterval.isNegative() || heartbeatInterval.isZero()) {
            throw new IllegalArgumentException("heartbeatInterval must be positive, got " + heartbeatInterval);
        }
        if (peerLostAfter.compareTo(heartbeatInterval.multipliedBy(2)) < 0) {
            throw new IllegalArgumentException("peerLostAfter (" + peerLostAfter + ") must be at least two heartbeat intervals ("
                    + heartbeatInterval + ")");
        }
    }

    /** These options with another heartbeat interval and silence bound. */
    public ChannelOptions withHeartbeat(Duration interval, Duration lostAfter) {
        return new ChannelOptions(handshakeTimeout, interval, lostAfter);
    }

    /** These options with another handshake timeout. */
    public ChannelOptions withHandshakeTimeout(Duration timeout) {
        return new ChannelOptions(timeout, heartbeatInterval, peerLostAfter);
    }
}
