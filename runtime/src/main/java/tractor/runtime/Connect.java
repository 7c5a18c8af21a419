package tractor.runtime;

import java.io.InterruptedIOException;
import tractor.TransportClosed;
import tractor.sc.Sc;
import tractor.transport.spi.Address;
import tractor.transport.spi.FrameChannel;

/** Opening connections to other actors. */
final class Connect {
    private Connect() {}

    /**
     * Connects to {@code address} and exchanges identities; the channel is not started.
     *
     * @throws TransportClosed when nobody answers there or the handshake fails
     */
    static Channel open(ActorConfig cfg, Address address, Msg.Aid local) {
        FrameChannel f;
        try {
            f = cfg.transport().connect(address, cfg.transportOptions());
        } catch (InterruptedIOException e) {
            Sc.checkpointIfCancelled();
            throw new TransportClosed("connecting to " + address + " was interrupted", e);
        } catch (TransportClosed e) {
            throw e;
        } catch (RuntimeException e) {
            throw new TransportClosed("cannot connect to " + address + ": " + e.getMessage(), e);
        }
        Channel ch = new Channel(f, cfg.channelOptions(), cfg.limits());
        ch.handshake(local);
        return ch;
    }
}
