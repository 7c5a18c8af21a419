package tractor.transport.spi;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.function.Consumer;
import tractor.TransportClosed;

/**
 * One channel's incremental frame decoder for the shared {@link ReadLoop}: the loop reads whatever the
 * socket has into its own buffer and feeds it here; this keeps only the partial frame between reads (up
 * to three bytes of a length, or the body being filled), never a read buffer of its own. Each length is
 * checked against the limit before its body is allocated.
 */
final class FrameParser {
    private final int maxFrameSize;
    private final Address peer;
    /** Bytes of the 4-byte little-endian length seen so far, and their value. */
    private int lengthBytes;
    private long length;
    /** The body being filled, or null between frames. */
    private byte[] body;
    private int filled;

    FrameParser(int maxFrameSize, Address peer) {
        this.maxFrameSize = maxFrameSize;
        this.peer = peer;
    }

    /**
     * Consumes every byte of {@code in}, handing each completed body to {@code out} in order; the partial
     * frame at the end is kept for the next call.
     *
     * @throws TransportClosed if a length exceeds the maximum frame size (nothing is allocated for it)
     */
    void feed(ByteBuffer in, Consumer<byte[]> out) {
        while (true) {
            if (body == null && !readLength(in)) return;
            int n = Math.min(in.remaining(), body.length - filled);
            in.get(body, filled, n);
            filled += n;
            if (filled < body.length) return;
            byte[] done = body;
            body = null;
            out.accept(done);
        }
    }

    /** Reads (the rest of) a length; true once a body of that length is allocated. */
    private boolean readLength(ByteBuffer in) {
        while (lengthBytes < 4) {
            if (!in.hasRemaining()) return false;
            length |= (long) (in.get() & 0xFF) << (8 * lengthBytes++);
        }
        long len = length;
        lengthBytes = 0;
        length = 0;
        if (len > maxFrameSize) {
            throw new TransportClosed("peer " + peer + " sent a frame of " + len + " bytes, over the maximum frame size of "
                    + maxFrameSize + " bytes", new IOException("frame too large"));
        }
        body = new byte[(int) len];
        filled = 0;
        return true;
    }

    /** Whether the stream stopped inside a frame (part of a length or of a body was read). */
    boolean midFrame() {
        return lengthBytes > 0 || body != null;
    }

    /**
     * The failure for an end of stream here: null between frames (a clean end), else the mid-frame
     * {@link TransportClosed} with an {@link EOFException} saying how much was missing.
     */
    TransportClosed endOfStream() {
        if (!midFrame()) return null;
        String missing = body == null ? (4 - lengthBytes) + " of 4 length bytes missing"
                : (body.length - filled) + " of " + body.length + " body bytes missing";
        return new TransportClosed("peer " + peer + " closed the connection in the middle of a frame",
                new EOFException("end of stream with " + missing));
    }

    @Override
    public String toString() {
        return "FrameParser[" + peer + (body != null ? ", " + filled + " of " + body.length + " body bytes"
                : lengthBytes > 0 ? ", " + lengthBytes + " length bytes" : ", between frames") + "]";
    }
}
