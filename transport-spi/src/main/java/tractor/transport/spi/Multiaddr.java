package tractor.transport.spi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Multiaddr text (libp2p's self-describing address form, as tractor accepts it) and its translation to
 * and from the URI form of {@link Address}: {@code /ip4/127.0.0.1/tcp/1234} is
 * {@code tcp://127.0.0.1:1234}, {@code /ip6/::1/tcp/5678} is {@code tcp://[::1]:5678}, and
 * {@code /unix/run/user/1000/tractor/registry@1616.sock} is
 * {@code uds:///run/user/1000/tractor/registry@1616.sock} (the socket path without its leading slash).
 * A host name rather than an IP literal is written {@code /dns/<name>/tcp/<port>}. Pure functions: no
 * name is resolved and no transport is looked up.
 *
 * {@snippet :
 * Multiaddr.toUri("/ip4/127.0.0.1/tcp/1616");   // "tcp://127.0.0.1:1616"
 * Multiaddr.of("uds:///tmp/t/reg.sock");         // "/unix/tmp/t/reg.sock"
 * Address.parse("/ip4/127.0.0.1/tcp/1616");      // the TCP address, through toUri
 * }
 */
public final class Multiaddr {
    private Multiaddr() {}

    /** Transport short name → multiaddr protocol name, for the transports multiaddrs can express. */
    public static final Map<String, String> PROTOCOL_OF_TRANSPORT = ordered("tcp", "tcp", "uds", "unix");

    /** Multiaddr protocol name → transport short name: the inverse of {@link #PROTOCOL_OF_TRANSPORT}. */
    public static final Map<String, String> TRANSPORT_OF_PROTOCOL = ordered("tcp", "tcp", "unix", "uds");

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    /** Whether {@code text} is written as a multiaddr (it starts with {@code /}), not as a URI. */
    public static boolean isMultiaddr(String text) {
        return text.startsWith("/");
    }

    /**
     * The multiaddr of an address given in URI form ({@code tcp://host:port}, {@code uds:///path}).
     *
     * @throws IllegalArgumentException if the transport has no multiaddr form or the text is malformed;
     *     the message quotes it
     */
    public static String of(String uri) {
        int i = uri.indexOf("://");
        String scheme = i > 0 ? uri.substring(0, i) : "";
        String rest = i > 0 ? uri.substring(i + 3) : "";
        return switch (scheme) {
            case "tcp" -> tcp(uri, rest);
            case "uds" -> {
                if (!rest.startsWith("/")) throw bad(uri, "a UDS path must be absolute");
                yield "/unix" + rest;
            }
            default -> throw bad(uri, "transport \"" + scheme + "\" has no multiaddr form (supported: "
                    + PROTOCOL_OF_TRANSPORT.keySet() + ")");
        };
    }

    /** The multiaddr of {@code address}; see {@link #of(String)}. */
    public static String of(Address address) {
        return of(address.toString());
    }

    private static String tcp(String uri, String rest) {
        int colon = rest.lastIndexOf(':');
        if (colon <= 0) throw bad(uri, "expected tcp://<host>:<port>");
        String host = rest.substring(0, colon);
        String port = rest.substring(colon + 1);
        if (host.startsWith("[") && host.endsWith("]")) host = host.substring(1, host.length() - 1);
        return "/" + hostProtocol(host) + "/" + host + "/tcp/" + port(uri, port);
    }

    private static String hostProtocol(String host) {
        if (host.indexOf(':') >= 0) return "ip6";
        return IPV4.matcher(host).matches() ? "ip4" : "dns";
    }

    /**
     * The URI form of a multiaddr: {@code /ip4/<host>/tcp/<port>}, {@code /ip6/<host>/tcp/<port>},
     * {@code /dns/<name>/tcp/<port>} or {@code /unix/<path>}.
     *
     * @throws IllegalArgumentException for any other protocol combination (for instance {@code /udp/}); the
     *     message quotes the text
     */
    public static String toUri(String maddr) {
        if (!isMultiaddr(maddr)) throw bad(maddr, "a multiaddr starts with \"/\"");
        String[] parts = maddr.substring(1).split("/", -1);
        if (parts[0].equals("unix")) {
            String path = maddr.substring("/unix".length());
            if (path.length() < 2) throw bad(maddr, "expected /unix/<socket path>");
            return "uds://" + path;
        }
        if (parts.length != 4 || !List.of("ip4", "ip6", "dns").contains(parts[0]) || !parts[2].equals("tcp")) {
            throw bad(maddr, "expected /ip4/<host>/tcp/<port>, /ip6/<host>/tcp/<port>, /dns/<name>/tcp/<port> or /unix/<path>");
        }
        String host = parts[1];
        if (host.isEmpty() || !hostProtocol(host).equals(parts[0]) && !parts[0].equals("dns")) {
            throw bad(maddr, "\"" + host + "\" is not an " + parts[0] + " host");
        }
        return "tcp://" + (parts[0].equals("ip6") ? "[" + host + "]" : host) + ":" + port(maddr, parts[3]);
    }

    /** {@code text} in URI form: a multiaddr is translated with {@link #toUri}, a URI is returned as it is. */
    public static String normalize(String text) {
        return isMultiaddr(text) ? toUri(text) : text;
    }

    /**
     * Normalizes a table of endpoints, actor name → addresses (tractor's {@code parse_endpoints}), to URI
     * form, keeping names and the order of addresses. An address is a multiaddr or URI string, an
     * {@link Address}, or a tuple as a two-element list: {@code [host, port]} for TCP,
     * {@code [directory, file name]} for UDS.
     *
     * @throws IllegalArgumentException if an address is of none of these forms, or names a protocol without
     *     a transport; the message names the actor and quotes the address
     */
    public static Map<String, List<String>> parseEndpoints(Map<String, ? extends List<?>> table) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        table.forEach((name, addrs) -> {
            List<String> uris = new ArrayList<>();
            for (Object a : addrs) uris.add(uriOf(name, a));
            out.put(name, List.copyOf(uris));
        });
        return out;
    }

    private static String uriOf(String name, Object a) {
        try {
            if (a instanceof Address addr) return addr.toString();
            if (a instanceof String s) return isMultiaddr(s) ? toUri(s) : of(s).transform(Multiaddr::toUri);
            if (a instanceof List<?> t && t.size() == 2 && t.get(0) instanceof String host && t.get(1) instanceof Number port) {
                return toUri("/" + hostProtocol(host) + "/" + host + "/tcp/" + port);
            }
            if (a instanceof List<?> t && t.size() == 2 && t.get(0) instanceof String dir && t.get(1) instanceof String file) {
                return "uds://" + (dir.endsWith("/") ? dir : dir + "/") + file;
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("endpoint of actor \"" + name + "\": " + e.getMessage(), e);
        }
        throw new IllegalArgumentException("endpoint of actor \"" + name + "\" is neither a multiaddr, a URI, an Address nor a "
                + "(host, port) or (directory, file) tuple: " + a);
    }

    private static String port(String text, String port) {
        try {
            int p = Integer.parseInt(port);
            if (p >= 0 && p <= 65535) return port;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw bad(text, "port \"" + port + "\" is not a number in 0..65535");
    }

    private static IllegalArgumentException bad(String text, String why) {
        return new IllegalArgumentException("bad address \"" + text + "\": " + why);
    }

    private static Map<String, String> ordered(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put(kv[i], kv[i + 1]);
        return java.util.Collections.unmodifiableMap(m);
    }
}
