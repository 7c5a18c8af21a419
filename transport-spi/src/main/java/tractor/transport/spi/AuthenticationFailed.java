package tractor.transport.spi;

import tractor.TransportClosed;

/**
 * A connection was refused because a peer did not prove the shared secret, did not finish the
 * authentication within the handshake timeout, or is not who the transport accepts (on a Unix domain
 * socket: another user). The connection is closed; nothing it carried reached the actor.
 */
public class AuthenticationFailed extends TransportClosed {
    public AuthenticationFailed(String message) {
        super(message);
    }

    public AuthenticationFailed(String message, Throwable cause) {
        super(message, cause);
    }

    /** A fresh copy of a stored failure for a new throw site, keeping its type. */
    static TransportClosed copyOf(TransportClosed stored) {
        if (stored instanceof AuthenticationFailed) return new AuthenticationFailed(stored.getMessage(), stored);
        return new TransportClosed(stored.getMessage(), stored.getCause());
    }
}
