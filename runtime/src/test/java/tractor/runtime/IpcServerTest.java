package tractor.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tractor.Tractor;
import tractor.TransportClosed;
import tractor.testkit.Bounded;
import tractor.transport.spi.Address;
import tractor.transport.spi.FrameChannel;
import tractor.transport.spi.TransportOptions;

/**
 * An actor's IPC server, tractor's {@code tests/ipc/test_server.py}: scenarios 248–250 against a live
 * root's listener (247 is the transport TCK's {@code sendingToAResetPeerIsATransportClosedWithTheErrnoAsCause}).
 */
@Bounded(seconds = 20)
class IpcServerTest {
    private static ActorRuntime rt() {
        return (ActorRuntime) Tractor.currentActor();
    }

    private static FrameChannel rawTo(Address a) throws java.io.InterruptedIOException {
        return rt().config().transport().connect(a, TransportOptions.DEFAULTS);
    }

    /** A portal over a fresh, handshaken connection to this root's own listener. */
    private static PortalImpl selfOver(FrameChannel f) {
        Channel ch = new Channel(f, ChannelOptions.DEFAULTS, CodecLimits.DEFAULT);
        assertEquals("root", ch.handshake(rt().aid(false)).name());
        rt().attach(ch);
        return new PortalImpl(rt(), ch, false);
    }

    /** 250: a root on one random address listens there only, has no peers, and cancels cleanly. */
    @ParameterizedTest
    @ValueSource(strings = {"uds", "tcp"})
    void basicIpcServer(String transport) throws Exception {
        String[] addr = {null};
        Tractor.openRoot(Matrix.root("thread", transport), actor -> {
            addr[0] = actor.address();
            assertEquals(List.of(actor.registryAddress()), rt().addresses(), "one listener, on the random registry address");
            assertFalse(addr[0].endsWith(":0"), addr[0]);
            assertEquals(List.of(), rt().peers().all(), "no peers yet");
            actor.cancelSoon();
        });
        var tp = tractor.transport.spi.Transports.get(transport);
        Address a = tp.parseAddress(addr[0]);
        assertThrows(TransportClosed.class, () -> tp.connect(a, TransportOptions.DEFAULTS),
                "the listener is closed after the root ended");
    }

    /** 244: a UDS registry address in a directory that does not exist: the directory is made, the root is registrar there. */
    @org.junit.jupiter.api.Test
    void udsBindspaceCreatedImplicitly() throws Exception {
        java.nio.file.Path base = java.nio.file.Path.of(System.getProperty("tractor.runtime.dir", System.getProperty("java.io.tmpdir")));
        java.nio.file.Path dir = base.resolve("bindspace-" + java.util.UUID.randomUUID().toString().substring(0, 8)).resolve("nested");
        assertFalse(java.nio.file.Files.exists(dir.getParent()), dir.getParent().toString());
        String reg = "uds://" + dir.resolve("registry@1616.sock");
        Tractor.openRoot(tractor.RootOptions.of().transport("uds").registryAddress(reg), actor -> {
            assertTrue(java.nio.file.Files.isDirectory(dir), dir + " was created");
            assertEquals("rwx------", java.nio.file.attribute.PosixFilePermissions.toString(java.nio.file.Files.getPosixFilePermissions(dir)));
            assertTrue(actor.isRegistrar(), "the root is registrar at " + reg);
            assertEquals(reg, actor.registryAddress());
            assertEquals(List.of(reg), rt().addresses(), "it listens on the registry address");
        });
        assertFalse(java.nio.file.Files.exists(dir.resolve("registry@1616.sock")), "the socket file is gone");
        java.nio.file.Files.delete(dir);
        java.nio.file.Files.delete(dir.getParent());
    }

    /** 248: malformed bytes in place of the Aid: that connection ends (decode error as cause), the listener keeps serving. */
    @ParameterizedTest
    @ValueSource(strings = {"uds", "tcp"})
    void malformedHandshakeEndsOnlyThatConnection(String transport) throws Exception {
        Tractor.openRoot(Matrix.root("thread", transport), actor -> {
            Address a = rt().config().registryAddress();
            try (FrameChannel bad = rawTo(a)) {
                assertEquals("root", ((Msg.Aid) new MsgCodec().decode(bad.receive())).name(), "the server's Aid comes first");
                bad.send(new byte[] {(byte) 0x92, 0x01});
                assertThrows(TransportClosed.class, bad::receive, "the server dropped the connection");
            }
            PortalImpl p = selfOver(rawTo(a));
            assertEquals(List.of(actor.address()), p.callSelf("find_actor", Map.of("name", "root")), "the listener still serves");
            p.channel().close();
        });
    }

    /** 249: an inbound handshake may take the server's 10 s, not the 1 s of a registry probe's attempt. */
    @ParameterizedTest
    @ValueSource(strings = {"uds", "tcp"})
    void inboundHandshakeUsesTheServersTimeout(String transport) throws Exception {
        Tractor.openRoot(Matrix.root("thread", transport), actor -> {
            assertEquals(Duration.ofSeconds(10), rt().config().channelOptions().handshakeTimeout());
            Duration probe = RegistryProbe.DEFAULT.perAttempt();
            FrameChannel slow = rawTo(rt().config().registryAddress());
            long until = System.nanoTime() + probe.toNanos() + 500_000_000L;
            for (long left; (left = until - System.nanoTime()) > 0; ) LockSupport.parkNanos(left); // the stimulus: a peer slower than a probe's bound
            PortalImpl p = selfOver(slow);
            assertEquals(List.of(actor.address()), p.callSelf("find_actor", Map.of("name", "root")), "the slow peer was served");
            p.channel().close();
        });
    }
}
