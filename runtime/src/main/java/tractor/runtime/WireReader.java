package tractor.runtime;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.msgpack.core.ExtensionTypeHeader;
import org.msgpack.core.MessageFormat;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessageUnpacker;
import org.msgpack.core.buffer.ArrayBufferInput;
import org.msgpack.value.ValueType;

/**
 * Bounded reading over one reused {@link MessageUnpacker}: every declared length is checked against the
 * bytes left in the buffer before anything is allocated, strings are strict UTF-8, and every problem is
 * reported as a {@link MsgDecodeException} carrying the byte offset. Not thread-safe: one per codec.
 * Callers wrap msgpack-core's own exceptions with {@link #wrap(Exception)}.
 */
final class WireReader {
    private final ArrayBufferInput input = new ArrayBufferInput(new byte[0]);
    private final MessageUnpacker unpacker = MessagePack.newDefaultUnpacker(input);
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    private byte[] buf = new byte[0];
    private int start;
    private int length;
    private long base; // offset of the unpacker's first byte from start (non-zero after seek)

    /** Points the reader at {@code length} bytes of {@code buf} from {@code start}. */
    void reset(byte[] buf, int start, int length) {
        this.buf = buf;
        this.start = start;
        this.length = length;
        seek(0);
    }

    /** Moves to {@code pos} bytes from the start (a position previously returned by {@link #offset()}). */
    void seek(long pos) {
        base = pos;
        input.reset(buf, start + (int) pos, length - (int) pos);
        try {
            unpacker.reset(input);
        } catch (IOException e) {
            throw new MsgDecodeException("cannot reset unpacker", -1, e); // ArrayBufferInput never fails
        }
    }

    /** Whether the next bytes are exactly {@code prefix}; consumes them when they are, else reads nothing. */
    boolean take(byte[] prefix) {
        long at = offset();
        int from = start + (int) at;
        if (remaining() < prefix.length || !Arrays.equals(buf, from, from + prefix.length, prefix, 0, prefix.length)) return false;
        seek(at + prefix.length);
        return true;
    }

    /** {@return bytes consumed so far} */
    long offset() {
        return base + unpacker.getTotalReadBytes();
    }

    /** {@return bytes not yet consumed} */
    long remaining() {
        return length - offset();
    }

    MessageUnpacker unpacker() {
        return unpacker;
    }

    /** {@return the format of the next value} @throws MsgDecodeException at the end of input or on 0xc1 */
    MessageFormat next() throws IOException {
        if (remaining() <= 0) {
            throw malformed("truncated: expected a value, found end of frame");
        }
        MessageFormat f = unpacker.getNextFormat();
        if (f == MessageFormat.NEVER_USED) {
            throw malformed("invalid msgpack byte 0xc1");
        }
        return f;
    }

    /** {@return the next value's type} @throws MsgDecodeException at the end of input or on 0xc1 */
    ValueType nextType() throws IOException {
        return next().getValueType();
    }

    /** Reads an array header. @throws MsgDecodeException if it claims more elements than bytes left */
    int arrayHeader() throws IOException {
        int n = unpacker.unpackArrayHeader();
        return checkCount(n, 1, "array");
    }

    /** Reads a map header. @throws MsgDecodeException if it claims more entries than bytes left allow */
    int mapHeader() throws IOException {
        int n = unpacker.unpackMapHeader();
        return checkCount(n, 2, "map");
    }

    private int checkCount(int n, int minBytesEach, String what) {
        if (n < 0 || (long) n * minBytesEach > remaining()) {
            throw malformed(what + " header claims " + Integer.toUnsignedString(n) + " elements but only "
                    + remaining() + " bytes are left");
        }
        return n;
    }

    private int checkLength(int n, String what) {
        if (n < 0 || n > remaining()) {
            throw malformed(what + " claims " + Integer.toUnsignedString(n) + " bytes but only " + remaining()
                    + " are left");
        }
        return n;
    }

    /** Reads a strict UTF-8 string. @throws MsgDecodeException on a lying length or invalid UTF-8 */
    String string() throws IOException {
        int n = checkLength(unpacker.unpackRawStringHeader(), "string");
        int at = start + (int) offset();
        unpacker.readPayloadAsReference(n); // advances without copying: the bytes are in buf
        return decodeUtf8(at, n);
    }

    /**
     * Reads a strict UTF-8 string that is likely to repeat (a msg key, a cid, a msg type): a short ASCII
     * one equal to a recent one is that same {@code String}, without a new allocation.
     *
     * @throws MsgDecodeException on a lying length or invalid UTF-8
     */
    String name() throws IOException {
        int n = checkLength(unpacker.unpackRawStringHeader(), "string");
        int at = start + (int) offset();
        unpacker.readPayloadAsReference(n);
        if (n == 0 || n > NAME_MAX) return decodeUtf8(at, n);
        int slot = (n * 31 + buf[at] * 7 + buf[at + n - 1]) & (NAMES - 1);
        byte[] known = nameBytes[slot];
        if (known != null && known.length == n && java.util.Arrays.equals(known, 0, n, buf, at, at + n)) return names[slot];
        String v = decodeUtf8(at, n);
        nameBytes[slot] = java.util.Arrays.copyOfRange(buf, at, at + n);
        names[slot] = v;
        return v;
    }

    private static final int NAMES = 32, NAME_MAX = 64;
    /** {@link #name()}'s cache, direct-mapped by length and end bytes; entries are only ever valid strings. */
    private final String[] names = new String[NAMES];
    private final byte[][] nameBytes = new byte[NAMES][];

    private String decodeUtf8(int at, int n) {
        for (int i = at; i < at + n; i++) {
            if (buf[i] < 0) {
                return decodeStrict(at, n);
            }
        }
        return new String(buf, at, n, StandardCharsets.ISO_8859_1); // pure ASCII: cheapest exact decode
    }

    private String decodeStrict(int at, int n) {
        try {
            CharBuffer chars = utf8.reset().decode(ByteBuffer.wrap(buf, at, n));
            return chars.toString();
        } catch (CharacterCodingException e) {
            throw new MsgDecodeException("string is not valid UTF-8", at - start, e);
        }
    }

    /** Reads a bin value. @throws MsgDecodeException on a lying length */
    byte[] binary() throws IOException {
        int n = checkLength(unpacker.unpackBinaryHeader(), "bin");
        return unpacker.readPayload(n);
    }

    /** Reads an ext header. @throws MsgDecodeException if its length is more than the bytes left */
    ExtensionTypeHeader extHeader() throws IOException {
        ExtensionTypeHeader h = unpacker.unpackExtensionTypeHeader();
        checkLength(h.getLength(), "ext");
        return h;
    }

    /** Reads {@code n} payload bytes already bounds-checked by a header method. */
    byte[] payload(int n) throws IOException {
        return unpacker.readPayload(n);
    }

    /**
     * Skips one value of any shape, checking lengths and depth. {@code depth} is the depth of the value.
     *
     * @throws MsgDecodeException if the value is malformed, truncated or nested deeper than {@code maxDepth}
     */
    void skip(int depth, int maxDepth) throws IOException {
        switch (nextType()) {
            case ARRAY -> skipMany(arrayHeader(), depth, maxDepth);
            case MAP -> skipMany(2L * mapHeader(), depth, maxDepth);
            case STRING -> unpacker.readPayloadAsReference(checkLength(unpacker.unpackRawStringHeader(), "string"));
            case BINARY -> unpacker.readPayloadAsReference(checkLength(unpacker.unpackBinaryHeader(), "bin"));
            case EXTENSION -> unpacker.readPayloadAsReference(extHeader().getLength());
            default -> unpacker.skipValue();
        }
    }

    private void skipMany(long n, int depth, int maxDepth) throws IOException {
        checkDepth(depth, maxDepth);
        for (long i = 0; i < n; i++) {
            skip(depth + 1, maxDepth);
        }
    }

    /** @throws MsgDecodeException if a container at {@code depth} is over {@code maxDepth} */
    void checkDepth(int depth, int maxDepth) {
        if (depth > maxDepth) {
            throw malformed("nesting deeper than the limit of " + maxDepth);
        }
    }

    /**
     * Copies the next value's bytes out without interpreting them (only bounds and depth are checked).
     *
     * @throws MsgDecodeException if the value is malformed, truncated or too deep
     */
    RawPayload raw(int depth, int maxDepth) throws IOException {
        int from = start + (int) offset();
        skip(depth, maxDepth);
        int to = start + (int) offset();
        return new RawPayload(Arrays.copyOfRange(buf, from, to));
    }

    /** {@return a decode error at the current offset} @param what the problem */
    MsgDecodeException malformed(String what) {
        return new MsgDecodeException(what, offset(), null);
    }

    /** {@return a validation error at the current offset} @param what the mismatch */
    MsgValidationException invalid(String what) {
        return new MsgValidationException(what, offset());
    }

    /** {@return msgpack-core's exception (or an I/O one, i.e. truncation) as a decode error} */
    MsgDecodeException wrap(Exception e) {
        String what = e instanceof IOException ? "truncated or unreadable frame" : "malformed msgpack";
        return new MsgDecodeException(what + ": " + e.getMessage(), offset(), e);
    }

    @Override
    public String toString() {
        return "WireReader[offset=" + offset() + ", length=" + length + "]";
    }
}
