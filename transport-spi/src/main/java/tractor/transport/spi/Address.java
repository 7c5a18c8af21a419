package tractor.transport.spi;

/**
 * Where a transport listens or connects, printable and parseable as a URI-like string whose scheme is
 * the transport's short name: {@code tcp://127.0.0.1:1616},
 * {@code uds:///run/user/1000/tractor/registry@1616.sock}. Each transport defines its own record type;
 * {@link #toString()} is the canonical form, and {@code Address.parse(a.toString()).equals(a)}.
 *
 * {@snippet :
 * Address a = Address.parse("tcp://127.0.0.1:1616");
 * a.transport();   // "tcp"
 * }
 */
public interface Address {
    /** The short name of the transport this address belongs to, like {@code "tcp"} or {@code "uds"}. */
    String transport();

    /** The canonical text form, {@code <transport>://<transport-specific part>}. */
    @Override
    String toString();

    /**
     * Parses the text form of an address, dispatching by scheme to the transport provider of that name
     * found by {@link Transports}. A multiaddr ({@code /ip4/127.0.0.1/tcp/1616}, {@code /unix/<path>}) is
     * accepted too and translated by {@link Multiaddr#toUri}.
     *
     * @param text an address like {@code tcp://127.0.0.1:1616} or {@code /ip4/127.0.0.1/tcp/1616}
     * @return the address
     * @throws IllegalArgumentException if the text has no {@code scheme://} prefix and is no valid multiaddr, names no known
     *     transport, or the transport rejects the rest; the message quotes the text
     * @throws NullPointerException if {@code text} is null
     */
    static Address parse(String text) {
        if (Multiaddr.isMultiaddr(text)) return parse(Multiaddr.toUri(text));
        int i = text.indexOf("://");
        if (i <= 0) {
            throw new IllegalArgumentException("address \"" + text + "\" has no transport scheme (expected like \"tcp://127.0.0.1:1616\")");
        }
        String scheme = text.substring(0, i);
        TransportProvider p = Transports.find(scheme).orElseThrow(() -> new IllegalArgumentException(
                "address \"" + text + "\" names unknown transport \"" + scheme + "\" (known: " + Transports.names() + ")"));
        return p.parseAddress(text);
    }
}
