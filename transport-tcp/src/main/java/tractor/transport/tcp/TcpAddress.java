package tractor.transport.tcp;

import java.net.InetSocketAddress;
import java.util.Objects;
import tractor.transport.spi.Address;

/**
 * A TCP address, {@code tcp://<host>:<port>} ({@code tcp://[::1]:1616} for IPv6 literals). Port 0
 * asks a listener for any free port.
 *
 * @param host a host name or IP literal, without brackets
 * @param port 0..65535
 */
public record TcpAddress(String host, int port) implements Address {
    /**
     * @throws NullPointerException if {@code host} is null
     * @throws IllegalArgumentException if the host is empty or the port is out of range
     */
    public TcpAddress {
        Objects.requireNonNull(host, "host");
        if (host.isEmpty()) throw new IllegalArgumentException("TCP address has an empty host");
        if (port < 0 || port > 65535) throw new IllegalArgumentException("TCP port " + port + " is out of range 0..65535");
    }

    // equals and hashCode written out: a record's generated ones link through ObjectMethods.bootstrap at their
    // first call in every JVM, ~6-13 ms each in a fresh C1 child (bench/README, spawn: the child JVM)
    @Override
    public boolean equals(Object o) {
        return o instanceof TcpAddress a && port == a.port && host.equals(a.host);
    }

    @Override
    public int hashCode() {
        return 31 * host.hashCode() + port;
    }

    /**
     * Parses {@code tcp://host:port}.
     *
     * @throws IllegalArgumentException if the text is not of that form; the message quotes it
     */
    public static TcpAddress parse(String text) {
        if (!text.startsWith("tcp://")) throw bad(text, "it does not start with \"tcp://\"");
        String rest = text.substring(6);
        int colon = rest.lastIndexOf(':');
        if (colon <= 0 || colon == rest.length() - 1) throw bad(text, "expected tcp://<host>:<port>");
        String host = rest.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) host = host.substring(1, host.length() - 1);
        try {
            return new TcpAddress(host, Integer.parseInt(rest.substring(colon + 1)));
        } catch (IllegalArgumentException e) {
            throw bad(text, e.getMessage());
        }
    }

    private static IllegalArgumentException bad(String text, String why) {
        return new IllegalArgumentException("bad TCP address \"" + text + "\": " + why);
    }

    static TcpAddress of(InetSocketAddress a) {
        return new TcpAddress(a.getAddress() != null ? a.getAddress().getHostAddress() : a.getHostString(), a.getPort());
    }

    InetSocketAddress socketAddress() {
        return new InetSocketAddress(host, port);
    }

    @Override
    public String transport() {
        return "tcp";
    }

    @Override
    public String toString() {
        return "tcp://" + (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }
}
