package tractor.transport.uds;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import tractor.testkit.Bounded;
import tractor.transport.spi.FrameChannel;
import tractor.transport.spi.Listener;
import tractor.transport.spi.TransportOptions;

/**
 * E.37, the UDS half: a peer whose {@code SO_PEERCRED} uid differs from ours is refused. The other user
 * is real: a Python client started under uid 65534 with {@code setpriv} (so this runs only as root, where
 * {@code setpriv} and {@code /usr/bin/python3} exist; elsewhere it is skipped with the reason).
 */
@Bounded(seconds = 30)
class UdsPeerUserTest {
    private static final String CLIENT = "import socket,sys\n"
            + "s=socket.socket(socket.AF_UNIX)\n"
            + "s.connect(sys.argv[1])\n"
            + "try:\n    print('closed' if s.recv(1)==b'' else 'data')\n"
            + "except ConnectionResetError:\n    print('closed')\n";
    private final List<AutoCloseable> open = new ArrayList<>();
    private Path dir;

    @AfterEach
    void cleanUp() throws Exception {
        for (AutoCloseable c : open.reversed()) c.close();
        if (dir != null) Files.deleteIfExists(dir);
    }

    @Test
    void aPeerOfAnotherUserIsRefused() throws Exception {
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")), "needs root to run a client as another user");
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/setpriv")) && Files.isExecutable(Path.of("/usr/bin/python3")),
                "needs /usr/bin/setpriv and /usr/bin/python3");
        dir = Files.createTempDirectory(Path.of("/tmp"), "tractor-uid-");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx--x--x"));
        UdsAddress a = new UdsAddress(dir.resolve("peer.sock"));
        Listener l = track(new UdsTransport().listen(a, TransportOptions.DEFAULTS));
        Files.setPosixFilePermissions(a.path(), PosixFilePermissions.fromString("rwxrwxrwx")); // only the uid check stands in the way
        CompletableFuture<FrameChannel> accepted = CompletableFuture.supplyAsync(() -> acceptQuietly(l), Thread::startVirtualThread);

        assertEquals("closed", client(a, "/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"),
                "the other user's connection is closed by the listener");
        assertFalse(accepted.isDone(), "and never handed out");

        // the control: the same client as our own user is accepted
        Process same = start(a);
        FrameChannel ch = track(accepted.join());
        ch.close();
        assertEquals("closed", finish(same));
    }

    private String client(UdsAddress a, String... prefix) throws Exception {
        return finish(start(a, prefix));
    }

    private Process start(UdsAddress a, String... prefix) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(prefix));
        cmd.addAll(List.of("/usr/bin/python3", "-c", CLIENT, a.path().toString()));
        return new ProcessBuilder(cmd).redirectErrorStream(true).start();
    }

    private static String finish(Process p) throws Exception {
        try {
            String out = new String(p.getInputStream().readAllBytes()).strip();
            assertTrue(p.waitFor(10, TimeUnit.SECONDS), "client exited");
            assertEquals(0, p.exitValue(), out);
            return out;
        } finally {
            p.destroyForcibly();
        }
    }

    private static FrameChannel acceptQuietly(Listener l) {
        try {
            return l.accept(Duration.ofSeconds(20)).orElseThrow();
        } catch (java.io.InterruptedIOException e) {
            throw new AssertionError(e);
        }
    }

    private <T extends AutoCloseable> T track(T c) {
        open.add(c);
        return c;
    }
}
