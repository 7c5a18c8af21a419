package tractor.runtime;

import java.io.InterruptedIOException;
import java.time.Duration;
import tractor.ActorId;
import tractor.TransportClosed;
import tractor.sc.Sc;
import tractor.transport.spi.Address;
import tractor.transport.spi.FrameChannel;
import tractor.transport.spi.TransportOptions;
import tractor.transport.spi.TransportProvider;

/**
 * Asks a registry address who is there, as tractor's registrar election does: connect and exchange
 * identities as a probe (the registrar closes a probe's channel without serving it). Nobody listening
 * is {@link Outcome#ABSENT}; an actor that says it is the registrar is {@link Outcome#REGISTRAR};
 * anything else is {@link Outcome#OCCUPIED}: an actor that is no registrar, or a listener that does
 * not complete the handshake in any of the attempts (a stalled handshake is retried after a short
 * backoff, since a busy registrar may be slow to answer).
 *
 * @param attempts   how many handshakes are tried before the address counts as occupied (tractor: 3)
 * @param perAttempt the connect and the handshake timeout of one attempt (tractor: 1 s)
 * @param backoff    the pause before attempt n+1 is {@code n * backoff} (tractor: 50 ms)
 */
record RegistryProbe(int attempts, Duration perAttempt, Duration backoff) {
    /** tractor's timing: 3 attempts of 1 s, backing off 50 ms, 100 ms. */
    static final RegistryProbe DEFAULT = new RegistryProbe(3, Duration.ofSeconds(1), Duration.ofMillis(50));

    enum Outcome { ABSENT, REGISTRAR, OCCUPIED }

    /** What the probe found; {@code detail} says why an address counts as occupied. */
    record Result(Outcome outcome, String detail) {
        @Override
        public String toString() {
            return outcome + (detail.isEmpty() ? "" : " (" + detail + ")");
        }
    }

    /** Probes {@code reg} as actor {@code id}; every channel it opened is closed when it returns. */
    Result probe(TransportProvider tp, TransportOptions topts, Address reg, ActorId id) {
        String last = "";
        for (int n = 1; n <= attempts; n++) {
            if (n > 1) Sc.sleep(backoff.multipliedBy(n - 1));
            FrameChannel f = connect(tp, topts, reg);
            if (f == null) return new Result(Outcome.ABSENT, "");
            try (Channel ch = new Channel(f, ChannelOptions.DEFAULTS.withHandshakeTimeout(perAttempt), CodecLimits.DEFAULT)) {
                Msg.Aid peer = ch.handshake(new Msg.Aid(id.name(), id.uuid(), ProcessHandle.current().pid(), false, true));
                if (Boolean.FALSE.equals(peer.isRegistrar())) {
                    return new Result(Outcome.OCCUPIED, "actor " + peer.name() + " answered there, and it is not a registrar");
                }
                return new Result(Outcome.REGISTRAR, "");
            } catch (TransportClosed e) {
                last = "attempt " + n + " of " + attempts + ": " + e.getMessage();
            }
        }
        return new Result(Outcome.OCCUPIED, last);
    }

    private FrameChannel connect(TransportProvider tp, TransportOptions topts, Address reg) {
        try {
            return tp.connect(reg, topts.withConnectTimeout(perAttempt));
        } catch (InterruptedIOException e) {
            Sc.checkpointIfCancelled();
            throw new TransportClosed("probing " + reg + " was interrupted", e);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
