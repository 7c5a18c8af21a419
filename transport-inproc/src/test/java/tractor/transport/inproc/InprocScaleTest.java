package tractor.transport.inproc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tractor.transport.spi.FrameChannel;
import tractor.transport.spi.Listener;
import tractor.transport.spi.TransportOptions;

/** The point of the transport: many connections cost no descriptor and no thread. */
class InprocScaleTest {
    private static final int PAIRS = 10_000;

    @Test
    void tenThousandConnectedPairsUseNoDescriptorAndNoPlatformThread() throws Exception {
        InprocTransport t = new InprocTransport();
        InprocAddress a = t.anyAddress("scale", TransportOptions.DEFAULTS);
        long fds = openDescriptors();
        int threads = Thread.getAllStackTraces().size();
        List<FrameChannel> ends = new ArrayList<>(2 * PAIRS);
        try (Listener l = t.listen(a, TransportOptions.DEFAULTS)) {
            for (int i = 0; i < PAIRS; i++) {
                FrameChannel c = t.connect(a, TransportOptions.DEFAULTS);
                FrameChannel s = l.accept(Duration.ZERO).orElseThrow();
                c.send(ByteBuffer.allocate(4).putInt(i).flip());
                ends.add(c);
                ends.add(s);
            }
            for (int i = 0; i < PAIRS; i++) {
                FrameChannel s = ends.get(2 * i + 1);
                assertArrayEquals(ByteBuffer.allocate(4).putInt(i).array(), s.receive());
                s.send(new byte[] {1});
            }
            assertEquals(0, openDescriptors() - fds, "descriptors opened by " + PAIRS + " inproc pairs");
            assertEquals(0, Thread.getAllStackTraces().size() - threads, "platform threads started by " + PAIRS + " inproc pairs");
            for (int i = 0; i < PAIRS; i++) assertEquals(1, ends.get(2 * i).receive()[0]);
        } finally {
            ends.forEach(FrameChannel::close);
        }
    }

    private static long openDescriptors() throws IOException {
        try (Stream<Path> s = Files.list(Path.of("/proc/self/fd"))) {
            return s.count();
        }
    }
}
