package tractor.transport.uds;

import java.net.UnixDomainSocketAddress;
import java.nio.file.Path;
import java.util.Objects;
import tractor.transport.spi.Address;

/**
 * A Unix domain socket address, {@code uds://<absolute path of the socket file>}, for example
 * {@code uds:///run/user/1000/tractor/registry@1616.sock}. The empty path ({@code uds://}) names an
 * unbound peer, as the remote end of an accepted connection is.
 *
 * @param path the socket file: absolute, or empty for an unnamed peer
 */
public record UdsAddress(Path path) implements Address {
    /**
     * @throws NullPointerException if {@code path} is null
     * @throws IllegalArgumentException if the path is neither absolute nor empty
     */
    public UdsAddress {
        Objects.requireNonNull(path, "path");
        if (!path.isAbsolute() && !path.toString().isEmpty()) {
            throw new IllegalArgumentException("UDS path \"" + path + "\" is not absolute");
        }
    }

    // equals and hashCode written out: a record's generated ones link through ObjectMethods.bootstrap at their
    // first call in every JVM, ~6-13 ms each in a fresh C1 child (bench/README, spawn: the child JVM)
    @Override
    public boolean equals(Object o) {
        return o instanceof UdsAddress a && path.equals(a.path);
    }

    @Override
    public int hashCode() {
        return path.hashCode();
    }

    /** The address of a socket file named {@code fileName} in the runtime directory (see {@link RuntimeDir}). */
    public static UdsAddress inRuntimeDir(String fileName) {
        return new UdsAddress(RuntimeDir.path().resolve(fileName));
    }

    /**
     * Parses {@code uds://<absolute path>}.
     *
     * @throws IllegalArgumentException if the text is not of that form; the message quotes it
     */
    public static UdsAddress parse(String text) {
        if (!text.startsWith("uds://")) {
            throw new IllegalArgumentException("bad UDS address \"" + text + "\": it does not start with \"uds://\"");
        }
        try {
            return new UdsAddress(Path.of(text.substring(6)));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("bad UDS address \"" + text + "\": " + e.getMessage(), e);
        }
    }

    static UdsAddress of(java.net.SocketAddress a) {
        return new UdsAddress(((UnixDomainSocketAddress) a).getPath());
    }

    UnixDomainSocketAddress socketAddress() {
        return UnixDomainSocketAddress.of(path);
    }

    @Override
    public String transport() {
        return "uds";
    }

    @Override
    public String toString() {
        return "uds://" + path;
    }
}
