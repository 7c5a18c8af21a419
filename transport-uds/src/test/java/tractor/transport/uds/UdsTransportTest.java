package tractor.transport.uds;

import static org.junit.jupiter.api.Assertions.*;

import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import tractor.transport.spi.Address;
import tractor.transport.spi.FrameChannel;
import tractor.transport.spi.Listener;
import tractor.transport.spi.TransportException;
import tractor.transport.spi.TransportProvider;
import tractor.transport.tck.TransportTck;

/** The TCK on Unix domain sockets, plus the socket-file rules. */
class UdsTransportTest extends TransportTck {
    @Override protected TransportProvider provider() { return new UdsTransport(); }
    @Override protected Address deadAddress() { return UdsAddress.inRuntimeDir("nobody-listens-here.sock"); }
    @Override protected SocketAddress socketAddress(Address a) { return ((UdsAddress) a).socketAddress(); }

    @Test
    void runtimeDirIsPrivateToTheUser() throws Exception {
        Path dir = RuntimeDir.path();
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)));
        assertEquals(System.getProperty("user.name"), Files.getOwner(dir).getName());
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(RuntimeDir.path())));
    }

    @Test
    void socketFileIsDeletedOnClose() {
        Listener l = provider().listen(provider().anyAddress("gone", OPTIONS), OPTIONS);
        Path file = ((UdsAddress) l.boundAddress()).path();
        assertTrue(Files.exists(file));
        assertEquals(RuntimeDir.path(), file.getParent());
        l.close();
        assertFalse(Files.exists(file));
    }

    @Test
    void aStaleSocketFileIsReplaced() throws Exception {
        UdsAddress a = (UdsAddress) provider().anyAddress("stale", OPTIONS);
        try (ServerSocketChannel dead = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            dead.bind(a.socketAddress()); // the JDK leaves the file behind on close, as a crashed process would
        }
        assertTrue(Files.exists(a.path()));
        Listener l = track(provider().listen(a, OPTIONS));
        FrameChannel c = track(provider().connect(a, OPTIONS));
        FrameChannel s = track(l.accept(Duration.ofSeconds(5)).orElseThrow());
        c.send(new byte[] {42});
        assertArrayEquals(new byte[] {42}, s.receive());
    }

    /** 245 ({@code test_uds_double_listen_raises_connerr}): a second listener on a live path is refused. */
    @Test
    void aLiveAddressIsInUse() {
        Listener l = listen();
        var e = assertThrows(TransportException.class, () -> provider().listen(l.boundAddress(), OPTIONS));
        assertTrue(e.getMessage().contains("address in use") && e.getMessage().contains(l.boundAddress().toString()), e.getMessage());
        // 245: caused by the kernel's own refusal
        assertInstanceOf(java.net.BindException.class, e.getCause(), String.valueOf(e.getCause()));
        assertTrue(e.getCause().getMessage().contains("Address already in use"), e.getCause().getMessage());
        assertTrue(Files.exists(((UdsAddress) l.boundAddress()).path()), "the live listener's file is untouched");
    }

    @Test
    void addressTextForms() {
        UdsAddress a = UdsAddress.parse("uds:///run/user/1000/tractor/registry@1616.sock");
        assertEquals(Path.of("/run/user/1000/tractor/registry@1616.sock"), a.path());
        assertEquals("uds:///run/user/1000/tractor/registry@1616.sock", a.toString());
        var e = assertThrows(IllegalArgumentException.class, () -> UdsAddress.parse("uds://relative/x.sock"));
        assertTrue(e.getMessage().contains("\"uds://relative/x.sock\""), e.getMessage());
    }
}
