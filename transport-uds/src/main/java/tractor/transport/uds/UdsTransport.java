package tractor.transport.uds;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.StandardProtocolFamily;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.atomic.AtomicInteger;
import tractor.TransportClosed;
import tractor.transport.spi.Address;
import tractor.transport.spi.FrameChannel;
import tractor.transport.spi.Listener;
import tractor.transport.spi.SocketFrameChannels;
import tractor.transport.spi.TransportException;
import tractor.transport.spi.TransportOptions;
import tractor.transport.spi.TransportProvider;

/**
 * The {@code uds} transport: Unix domain sockets, files in the private {@link RuntimeDir} (or in the
 * directory of an explicit address, made with mode 0700 when missing). A listener's
 * socket file is deleted when it closes (and at JVM exit if still open). A stale file left by a dead
 * process is replaced; a file where a live listener answers is refused as "address in use". A peer that
 * runs as another user is refused on both ends ({@link tractor.transport.spi.AuthenticationFailed}).
 */
public final class UdsTransport implements TransportProvider {
    private static final AtomicInteger SEQ = new AtomicInteger();
    private static final SocketFrameChannels.Naming NAMING = new SocketFrameChannels.Naming() {
        @Override public Address local(SocketChannel s) throws IOException { return UdsAddress.of(s.getLocalAddress()); }
        @Override public Address remote(SocketChannel s) throws IOException { return UdsAddress.of(s.getRemoteAddress()); }
        @Override public void configure(SocketChannel s) throws IOException { PeerUser.check(s); }
    };

    /** Used by {@link java.util.ServiceLoader}. */
    public UdsTransport() {}

    @Override
    public String name() {
        return "uds";
    }

    @Override
    public UdsAddress parseAddress(String text) {
        return UdsAddress.parse(text);
    }

    /**
     * A fresh socket file in the runtime directory, {@code <name>@<pid>-<n>.sock}: actors of the thread
     * backend share a pid, and may each see their own copy of this class (one per module layer), so the
     * sequence number of this JVM is part of the suffix. A long or unsafe name is compacted to fit the
     * path limit (see {@link SocketName}).
     *
     * @throws IllegalArgumentException if the runtime directory leaves no room for a socket name
     */
    @Override
    public UdsAddress anyAddress(String name, TransportOptions options) {
        String suffix = "@" + ProcessHandle.current().pid() + "-" + SEQ.incrementAndGet() + ".sock";
        Path dir = RuntimeDir.path();
        return new UdsAddress(dir.resolve(SocketName.of(dir, name, suffix)));
    }

    @Override
    public Listener listen(Address address, TransportOptions options) {
        UdsAddress a = uds(address);
        Path file = a.path();
        makeBindspace(file.getParent());
        replaceStale(a, options);
        ServerSocketChannel server = null;
        try {
            server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            server.bind(a.socketAddress(), 128);
        } catch (IOException e) {
            if (server != null) closeQuietly(server);
            throw new TransportException("cannot listen on " + a + ": " + e.getMessage(), e);
        }
        SocketFiles.owned(file);
        return SocketFrameChannels.listener(server, a, NAMING, options, () -> SocketFiles.release(file));
    }

    /** The directory of a socket file is made when missing, private to the user (mode 0700), as tractor does. */
    private static void makeBindspace(Path dir) {
        if (dir == null || Files.isDirectory(dir)) return;
        try {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (IOException e) {
            throw new TransportException("cannot create the UDS bindspace " + dir + ": " + e, e);
        }
    }

    /** A socket file nobody answers on is a leftover of a dead process: delete it. */
    private static void replaceStale(UdsAddress a, TransportOptions options) {
        if (!Files.exists(a.path())) return;
        try (SocketChannel probe = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            probe.connect(a.socketAddress());
        } catch (java.nio.channels.ClosedByInterruptException e) {
            throw new TransportException("interrupted while probing " + a + " for a live listener", e);
        } catch (IOException refused) {
            try {
                Files.deleteIfExists(a.path());
                return;
            } catch (IOException e) {
                throw new TransportException("cannot replace stale socket file " + a.path() + ": " + e.getMessage(), e);
            }
        }
        throw new TransportException("address in use: " + a + " (a live listener answers there)", bindError(a));
    }

    /** The kernel's own refusal to bind a live listener's path ("Address already in use"), as the cause. */
    private static IOException bindError(UdsAddress a) {
        try (ServerSocketChannel second = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            second.bind(a.socketAddress());
            return new IOException("the kernel bound " + a + " although a live listener answers there");
        } catch (IOException e) {
            return e;
        }
    }

    @Override
    public FrameChannel connect(Address address, TransportOptions options) throws InterruptedIOException {
        UdsAddress a = uds(address);
        SocketChannel s;
        try {
            s = SocketChannel.open(StandardProtocolFamily.UNIX);
        } catch (IOException e) {
            throw new TransportClosed("cannot open a Unix domain socket: " + e.getMessage(), e);
        }
        return SocketFrameChannels.open(SocketFrameChannels.connect(s, a.socketAddress(), a, options.connectTimeout()), NAMING, options);
    }

    static UdsAddress uds(Address address) {
        if (address instanceof UdsAddress u) return u;
        throw new IllegalArgumentException("address \"" + address + "\" is not a uds address");
    }

    private static void closeQuietly(java.io.Closeable c) {
        try {
            c.close();
        } catch (IOException ignored) {
            // best effort
        }
    }

    @Override
    public String toString() {
        return "UdsTransport[uds, dir " + System.getProperty(RuntimeDir.PROPERTY, "default") + "]";
    }
}
