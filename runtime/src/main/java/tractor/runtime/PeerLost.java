package tractor.runtime;

import java.time.Duration;

/**
 * The cause of a {@link tractor.TransportClosed} when a peer stopped answering: no frame, heartbeats
 * included, for longer than the channel's bound (a crashed host, a partition, a link down).
 */
final class PeerLost extends java.io.IOException {
    PeerLost(String peer, Duration silentFor) {
        super("no frame from " + peer + " for more than " + silentFor);
    }
}
