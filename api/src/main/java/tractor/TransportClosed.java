package tractor;

import tractor.sc.BrokenResourceException;

/**
 * The IPC transport to a peer is gone: the peer closed it, died, or went silent past the heartbeat
 * bound. Everything waiting on that peer gets this error, never a hang. The cause, when known, is
 * chained.
 */
public class TransportClosed extends BrokenResourceException {
    public TransportClosed(String message) {
        super(message);
    }

    public TransportClosed(String message, Throwable cause) {
        super(message, cause);
    }
}
