package tractor.transport.spi;

import static org.junit.jupiter.api.Assertions.*;

import java.io.EOFException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tractor.TransportClosed;

/** {@link FrameParser}: frames split anywhere across reads, the length limit, and the end-of-stream verdicts. */
class FrameParserTest {
    private static final Address PEER = new WriteBehindTest.TestAddress("test://peer");

    private static byte[] stream(byte[]... bodies) {
        int n = 0;
        for (byte[] b : bodies) n += 4 + b.length;
        ByteBuffer out = ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
        for (byte[] b : bodies) out.putInt(b.length).put(b);
        return out.array();
    }

    @Test
    void framesSplitAtEveryByteComeOutWholeAndInOrder() {
        byte[][] bodies = {new byte[0], {1, 2, 3}, new byte[70_000], {9}};
        bodies[2][69_999] = 42;
        byte[] all = stream(bodies);
        for (int chunk : new int[] {1, 3, 4, 5, 4096, all.length}) {
            FrameParser p = new FrameParser(100_000, PEER);
            List<byte[]> out = new ArrayList<>();
            for (int i = 0; i < all.length; i += chunk) {
                p.feed(ByteBuffer.wrap(all, i, Math.min(chunk, all.length - i)), out::add);
            }
            assertEquals(bodies.length, out.size(), "chunk " + chunk);
            for (int i = 0; i < bodies.length; i++) assertArrayEquals(bodies[i], out.get(i), "frame " + i + ", chunk " + chunk);
            assertFalse(p.midFrame());
            assertNull(p.endOfStream(), "a clean end between frames");
        }
    }

    @Test
    void aLengthOverTheLimitIsRefusedBeforeAnyBodyIsAllocated() {
        FrameParser p = new FrameParser(1_000, PEER);
        ByteBuffer len = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(0, 0xFFFF_FFF0);
        var e = assertThrows(TransportClosed.class, () -> p.feed(len, b -> fail("no frame")));
        assertTrue(e.getMessage().contains(String.valueOf(0xFFFF_FFF0L)) && e.getMessage().contains("1000")
                && e.getMessage().contains(PEER.toString()), e.getMessage());
        assertFalse(p.midFrame(), "nothing was allocated for the refused frame");
    }

    @Test
    void anEndInsideALengthOrABodySaysWhatWasMissing() {
        FrameParser p = new FrameParser(1_000, PEER);
        p.feed(ByteBuffer.wrap(new byte[] {10, 0}), b -> fail("no frame"));
        TransportClosed e = p.endOfStream();
        assertTrue(e.getMessage().contains("middle of a frame"), e.getMessage());
        assertInstanceOf(EOFException.class, e.getCause());
        assertTrue(e.getCause().getMessage().contains("2 of 4 length bytes missing"), e.getCause().getMessage());
        p.feed(ByteBuffer.wrap(new byte[] {0, 0, 1, 2, 3}), b -> fail("no frame"));
        assertTrue(p.endOfStream().getCause().getMessage().contains("7 of 10 body bytes missing"), p.toString());
    }
}
