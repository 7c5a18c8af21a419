package tractor.runtime;

import java.util.Arrays;
import org.msgpack.core.buffer.MessageBuffer;
import org.msgpack.core.buffer.MessageBufferOutput;

/**
 * The output of a codec's packer: one array kept across encodes, grown on demand, so an encode allocates
 * only its result. (msgpack's {@code MessageBufferPacker} drops its chunks on {@code clear()} and takes a
 * fresh 8 KiB buffer every few hundred small msgs, which showed in the stream profile.) Not thread-safe.
 */
final class PackOutput implements MessageBufferOutput {
    /** A buffer grown past this is given back at the next {@link #reset()}: a big msg does not pin its size. */
    private static final int KEEP = 64 * 1024;
    private static final int START = 512;

    private byte[] buf = new byte[START];
    private int size;

    /**
     * Starts a new encode on {@code packer} writing to {@code out}: bytes a failed encode left in the packer are
     * flushed (which also drops the packer's view of this array) and then forgotten.
     */
    static void restart(org.msgpack.core.MessagePacker packer, PackOutput out) {
        try {
            packer.flush();
        } catch (java.io.IOException e) {
            throw new MsgEncodeException("cannot flush the packer", e); // never: writes to this array only
        }
        out.reset();
    }

    /** Forgets what was written. */
    private void reset() {
        size = 0;
        if (buf.length > KEEP) buf = new byte[START];
    }

    /** A copy of what was written since {@link #reset()} (the packer must have been flushed). */
    byte[] toByteArray() {
        return Arrays.copyOf(buf, size);
    }

    @Override
    public MessageBuffer next(int minimumSize) {
        ensure(minimumSize);
        return MessageBuffer.wrap(buf, size, buf.length - size);
    }

    @Override
    public void writeBuffer(int length) {
        size += length;
    }

    @Override
    public void write(byte[] src, int off, int len) {
        ensure(len);
        System.arraycopy(src, off, buf, size, len);
        size += len;
    }

    @Override
    public void add(byte[] src, int off, int len) {
        write(src, off, len); // the caller may reuse src: always copy
    }

    private void ensure(int more) {
        if (buf.length - size >= more) return;
        long want = Math.max((long) buf.length * 2, (long) size + more);
        if (want > Integer.MAX_VALUE - 8) throw new OutOfMemoryError("encoded msg of " + want + " bytes");
        buf = Arrays.copyOf(buf, (int) want);
    }

    @Override
    public void flush() {
        // nothing buffered here
    }

    @Override
    public void close() {
        // nothing to release
    }

    @Override
    public String toString() {
        return "PackOutput[" + size + " of " + buf.length + " bytes]";
    }
}
