package tractor.transport.spi;

import java.io.InterruptedIOException;

/**
 * One transport, keyed by a short name ({@code tcp}, {@code uds}), found by {@link Transports} through
 * {@link java.util.ServiceLoader}. An implementation has a public no-argument constructor and is declared
 * both with {@code provides} in its {@code module-info} and in
 * {@code META-INF/services/tractor.transport.spi.TransportProvider}.
 */
public interface TransportProvider {
    /** The short name, also the scheme of this transport's addresses. */
    String name();

    /**
     * Parses an address of this transport.
     *
     * @throws IllegalArgumentException if the text is not an address of this transport; the message quotes it
     */
    Address parseAddress(String text);

    /**
     * An address to listen on when the caller has no preference: an ephemeral TCP port on the bind host,
     * or a fresh socket file in the runtime directory named after {@code name}.
     *
     * @param name a short label such as the actor name, used where the transport can show it
     * @param options the bind host is taken from here
     */
    Address anyAddress(String name, TransportOptions options);

    /**
     * Starts listening.
     *
     * @throws IllegalArgumentException if the address belongs to another transport
     * @throws TransportException if the address cannot be bound (in use, no permission); the message names it
     */
    Listener listen(Address address, TransportOptions options);

    /**
     * Connects to a listener, within {@link TransportOptions#connectTimeout()}.
     *
     * @throws IllegalArgumentException if the address belongs to another transport
     * @throws tractor.TransportClosed if nobody listens there, or the timeout expires; the cause is chained
     * @throws InterruptedIOException if the calling thread is interrupted while connecting
     */
    FrameChannel connect(Address address, TransportOptions options) throws InterruptedIOException;
}
