package tractor.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tractor.TransportClosed;
import tractor.transport.spi.FrameChannel;
import tractor.transport.spi.Listener;
import tractor.transport.spi.TransportOptions;
import tractor.transport.spi.TransportProvider;
import tractor.transport.spi.Transports;

/**
 * A child's boot before its runtime runs: it binds its listener while the parent prepares the
 * {@code SpawnSpec}, so a boot that ends there (no {@code SpawnSpec}) must close that listener and the
 * parent connection, leaving no socket file behind.
 */
class ChildBootTest {
    @Test
    void aParentThatSendsNoSpawnSpecLeavesNoListenerBehind() throws Exception {
        TransportProvider uds = Transports.get("uds");
        String name = "boot-" + UUID.randomUUID().toString().substring(0, 8);
        try (Listener parent = uds.listen(uds.anyAddress("fake-parent", TransportOptions.DEFAULTS), TransportOptions.DEFAULTS)) {
            Path dir = Path.of(parent.boundAddress().toString().substring("uds://".length())).getParent();
            AtomicReference<Throwable> parentSide = new AtomicReference<>();
            Thread p = Thread.ofVirtual().start(() -> {
                try {
                    FrameChannel f = parent.accept(Duration.ofSeconds(20)).orElseThrow();
                    Channel ch = new Channel(f, ChannelOptions.DEFAULTS, CodecLimits.DEFAULT);
                    ch.handshake(new Msg.Aid("fake-parent", UUID.randomUUID().toString(), ProcessHandle.current().pid(), false, false));
                    ch.close(); // the handshake done, the parent goes away without a SpawnSpec
                } catch (Throwable t) {
                    parentSide.set(t);
                }
            });
            assertThrows(TransportClosed.class, () -> ChildMain.run(
                    List.of(parent.boundAddress().toString(), name, UUID.randomUUID().toString()), new AtomicReference<>(), null));
            p.join();
            assertEquals(null, parentSide.get(), "the fake parent failed");
            try (Stream<Path> files = Files.list(dir)) {
                assertEquals(List.of(), files.filter(f -> f.getFileName().toString().startsWith(name)).toList(),
                        "the child's listener was closed and its socket file removed");
            } catch (IOException io) {
                throw new AssertionError("cannot list " + dir, io);
            }
        }
    }
}
