package tractor.runtime;

import java.io.IOException;
import java.lang.reflect.Type;
import java.util.Objects;
import org.msgpack.core.MessagePacker;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessagePackException;

/**
 * Encodes Java values to {@link RawPayload}s and decodes them back, generically or into a type the caller
 * names (records by field name, enums by name, collections, registered {@link ExtRegistry} types). Never
 * uses Java serialization and never loads or instantiates a class named on the wire.
 *
 * <p>One instance per channel or context: it reuses one packer and one unpacker and is <b>not
 * thread-safe</b>.
 *
 * {@snippet :
 * PayloadCodec codec = new PayloadCodec();
 * RawPayload raw = codec.encode(new Point(1, 2));        // {"x": 1, "y": 2}
 * Point p = codec.decode(raw, Point.class);
 * Object generic = codec.decode(raw);                     // a Map {x=1, y=2}
 * }
 */
public final class PayloadCodec {
    private final CodecLimits limits;
    private final ExtRegistry ext;
    private final PackOutput out = new PackOutput();
    private final MessagePacker packer = MessagePack.newDefaultPacker(out);
    private final PayloadEncoder encoder;
    private final WireReader reader = new WireReader();
    private final TypedDecoder decoder;

    /** A codec with no extension types and the default limits. */
    public PayloadCodec() {
        this(ExtRegistry.EMPTY, CodecLimits.DEFAULT);
    }

    /**
     * @param ext    the extension types
     * @param limits frame-size and depth limits
     * @throws NullPointerException if an argument is null
     */
    public PayloadCodec(ExtRegistry ext, CodecLimits limits) {
        this.ext = Objects.requireNonNull(ext, "ext");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.encoder = new PayloadEncoder(packer, ext, limits.maxDepth());
        this.decoder = new TypedDecoder(reader, ext, limits.maxDepth());
    }

    /**
     * Encodes one value.
     *
     * @param value the value (null allowed)
     * @return the encoded value
     * @throws MsgEncodeException if the value or something in it cannot be encoded, nests too deep, or the
     *                            result exceeds the frame limit
     */
    public RawPayload encode(Object value) {
        PackOutput.restart(packer, out);
        long before = packer.getTotalWrittenBytes(); // a running total: never reset by clear()
        try {
            encoder.write(value, 1);
            packer.flush();
        } catch (IOException | MessagePackException | IllegalArgumentException e) {
            throw new MsgEncodeException("cannot encode a " + (value == null ? "null" : value.getClass().getName()) + ": " + e, e);
        }
        long size = packer.getTotalWrittenBytes() - before;
        if (size > limits.maxFrameBytes()) {
            throw new MsgEncodeException("encoded payload of " + size + " bytes exceeds the frame limit of " + limits.maxFrameBytes());
        }
        return new RawPayload(out.toByteArray());
    }

    /**
     * Decodes with the generic mapping (see {@link PayloadDecoder}).
     *
     * @throws MsgDecodeException if the bytes are malformed, too deep, not exactly one value, or hold an
     *                            unregistered ext type
     * @throws NullPointerException if {@code raw} is null
     */
    public Object decode(RawPayload raw) {
        return decode(raw.bytes(), 0, raw.length(), Object.class);
    }

    /**
     * Decodes into {@code type}.
     *
     * @param <T> the requested type
     * @throws MsgValidationException if the value does not fit {@code type}
     * @throws MsgDecodeException     if the bytes are malformed, too deep or not exactly one value
     * @throws NullPointerException   if an argument is null
     */
    public <T> T decode(RawPayload raw, Class<T> type) {
        Object v = decode(raw.bytes(), 0, raw.length(), type);
        @SuppressWarnings("unchecked") T t = (T) v; // primitives come back boxed
        return t;
    }

    /**
     * Decodes {@code length} bytes of {@code buf} from {@code offset} into {@code type} (a Class or a
     * generic type such as {@code List<Point>}).
     *
     * @throws MsgValidationException if the value does not fit {@code type}
     * @throws MsgDecodeException     if the bytes are malformed, too deep, not exactly one value or more than
     *                                the frame limit
     * @throws NullPointerException   if {@code buf} or {@code type} is null
     * @throws IndexOutOfBoundsException if the range is not inside {@code buf}
     */
    public Object decode(byte[] buf, int offset, int length, Type type) {
        Objects.checkFromIndexSize(offset, length, buf.length);
        Objects.requireNonNull(type, "type");
        if (length > limits.maxFrameBytes()) {
            throw new MsgDecodeException("payload of " + length + " bytes exceeds the frame limit of "
                    + limits.maxFrameBytes(), 0, null);
        }
        reader.reset(buf, offset, length);
        try {
            Object v = decoder.typed(type, 1);
            if (reader.remaining() != 0) {
                throw reader.malformed(reader.remaining() + " trailing bytes after the value");
            }
            return v;
        } catch (IOException | MessagePackException e) {
            throw reader.wrap(e);
        }
    }

    /** {@return the limits} */
    public CodecLimits limits() {
        return limits;
    }

    @Override
    public String toString() {
        return "PayloadCodec[" + ext + ", " + limits + "]";
    }
}
