package tractor;

import java.util.Iterator;

/**
 * The bidirectional stream phase of a {@link Context} (tractor's {@code MsgStream}). One-shot; both
 * sides open theirs. Iteration receives until the peer closes its side.
 *
 * <p>{@link #close()} is graceful: it sends {@code Stop}, and the peer's iteration ends. An error or a
 * cancellation ends the stream by relaying that error instead (the receiving side raises it in
 * preference to the end of the stream).
 *
 * <p>Overruns: msgs sent to a side that does not consume are queued up to a bound (64 by default);
 * past it the sender gets a {@link RemoteActorError} boxing {@link StreamOverrun}, unless the receiving
 * side opened its context with {@code allowOverruns}. Memory stays bounded either way.
 */
public interface MsgStream extends AutoCloseable, Iterable<Object> {
    /**
     * Sends one value to the peer (no payload validation here: the receiver checks).
     *
     * @throws RemoteActorError       an error the peer already sent
     * @throws tractor.sc.EndOfChannelException after this side closed
     * @throws TransportClosed        when the connection broke
     * @throws MsgEncodeError         when the value cannot be encoded (nothing is sent: the stream goes on)
     */
    void send(Object value);

    /**
     * The next value from the peer; a checkpoint.
     *
     * @throws tractor.sc.EndOfChannelException when the peer closed its side
     * @throws RemoteActorError       what the peer raised
     * @throws TransportClosed        when the connection broke
     */
    Object receive();

    /** {@link #receive()} decoded as {@code type} (records, enums, lists, registered types). */
    <T> T receive(Class<T> type);

    /**
     * The next value if one is already here.
     *
     * @throws tractor.sc.WouldBlockException when none is
     */
    Object receiveNowait();

    /** Whether this stream ended: closed here, ended by the peer, or broken. */
    boolean closed();

    /** Graceful close: sends {@code Stop}; idempotent. */
    @Override
    void close();

    /**
     * A new local receiver of this stream (tractor's {@code subscribe()}): each subscriber gets every value
     * that arrives from the moment it subscribed; one that falls more than the buffer (64 values) behind
     * gets {@link tractor.trionics.Lagged} and skips ahead; {@code send} is proxied to this stream. The
     * first call turns this stream's own {@code receive()} into one more subscriber; not reversible.
     * Closing a subscriber removes only it.
     *
     * @throws tractor.sc.ClosedResourceException when this stream is closed
     */
    MsgStream subscribe();

    /** Iterates by {@link #receive()} until the end of the stream. */
    @Override
    Iterator<Object> iterator();
}
