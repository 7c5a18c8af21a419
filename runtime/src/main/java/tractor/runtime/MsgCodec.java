package tractor.runtime;

import java.io.IOException;
import java.util.Objects;
import org.msgpack.core.MessagePacker;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessagePackException;

/**
 * tractor's envelope codec: {@link Msg} ⇄ one msgpack map, and frames of a 4-byte little-endian length
 * followed by that map. Payloads ({@code pld}, {@code kwargs}) stay {@link RawPayload}s; generic fields
 * ({@code SpawnSpec} dicts, {@code _bad_msg_as_dict}) use the generic mapping of {@link PayloadCodec}.
 *
 * <p>Decoding checks the frame limit first, bounds every declared length by the bytes left, limits the
 * nesting depth and throws only {@link MsgDecodeException} (or its subtype {@link MsgValidationException}
 * for well-formed msgpack of the wrong shape). Unknown fields are skipped (see {@link MsgDecoder}).
 *
 * <p>One instance per channel: it reuses one packer and one unpacker and is <b>not thread-safe</b>
 * (a channel serializes its sends anyway; use one codec for sending and another for receiving).
 *
 * {@snippet :
 * MsgCodec codec = new MsgCodec();
 * byte[] frame = codec.encodeFrame(new Msg.Stop("c1"));
 * Msg back = codec.decodeFrame(frame);
 * }
 */
public final class MsgCodec {
    /** Size of the length prefix of a frame. */
    public static final int HEADER_BYTES = 4;

    private final CodecLimits limits;
    private final PackOutput out = new PackOutput();
    private final MessagePacker packer = MessagePack.newDefaultPacker(out);
    private final MsgEncoder encoder;
    private final WireReader reader = new WireReader();
    private final MsgDecoder decoder;

    /** A codec with the default limits and no extension types. */
    public MsgCodec() {
        this(CodecLimits.DEFAULT, ExtRegistry.EMPTY);
    }

    /**
     * @param limits frame-size and depth limits
     * @param ext    extension types allowed in generic fields
     * @throws NullPointerException if an argument is null
     */
    public MsgCodec(CodecLimits limits, ExtRegistry ext) {
        this.limits = Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(ext, "ext");
        this.encoder = new MsgEncoder(packer, new PayloadEncoder(packer, ext, limits.maxDepth()));
        this.decoder = new MsgDecoder(reader, new PayloadDecoder(reader, ext, limits.maxDepth()), limits.maxDepth());
    }

    /**
     * Encodes a msg body (no length prefix).
     *
     * @throws MsgEncodeException   if a generic field is unencodable or the body exceeds the frame limit
     * @throws NullPointerException if {@code msg} is null
     */
    public byte[] encode(Msg msg) {
        start();
        pack(msg);
        return finish();
    }

    private void start() {
        PackOutput.restart(packer, out);
    }

    private byte[] finish() {
        try {
            packer.flush();
        } catch (IOException e) {
            throw new MsgEncodeException("cannot flush the packer", e); // PackOutput never fails
        }
        return out.toByteArray();
    }

    /**
     * Encodes a whole frame: 4-byte little-endian body length, then the body.
     *
     * @throws MsgEncodeException   if a generic field is unencodable or the body exceeds the frame limit
     * @throws NullPointerException if {@code msg} is null
     */
    public byte[] encodeFrame(Msg msg) {
        start();
        try {
            packer.writePayload(new byte[HEADER_BYTES]);
        } catch (IOException e) {
            throw new MsgEncodeException("cannot write frame header", e); // PackOutput never fails
        }
        pack(msg);
        byte[] frame = finish();
        putLength(frame, frame.length - HEADER_BYTES);
        return frame;
    }

    private void pack(Msg msg) {
        Objects.requireNonNull(msg, "msg");
        long before = packer.getTotalWrittenBytes();
        try {
            encoder.write(msg);
        } catch (IOException | MessagePackException | IllegalArgumentException e) {
            throw new MsgEncodeException("cannot encode " + msg.msgType() + ": " + e, e);
        }
        long size = packer.getTotalWrittenBytes() - before;
        if (size > limits.maxFrameBytes()) {
            throw new MsgEncodeException(msg.msgType() + " of " + size + " bytes exceeds the frame limit of "
                    + limits.maxFrameBytes());
        }
    }

    /**
     * Decodes one msg body.
     *
     * @throws MsgDecodeException   if the body is malformed, over a limit, or not exactly one valid msg
     * @throws NullPointerException if {@code body} is null
     */
    public Msg decode(byte[] body) {
        return decode(body, 0, body.length);
    }

    /**
     * Decodes the msg body in {@code length} bytes of {@code buf} from {@code offset}.
     *
     * @throws MsgDecodeException        if the body is malformed, over a limit, or not exactly one valid msg
     * @throws NullPointerException      if {@code buf} is null
     * @throws IndexOutOfBoundsException if the range is not inside {@code buf}
     */
    public Msg decode(byte[] buf, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, buf.length);
        checkBodyLength(length);
        reader.reset(buf, offset, length);
        try {
            Msg m = decoder.msg(1);
            if (reader.remaining() != 0) {
                throw reader.malformed(reader.remaining() + " trailing bytes after the msg");
            }
            return m;
        } catch (IOException | MessagePackException e) {
            throw reader.wrap(e);
        }
    }

    /**
     * Decodes a whole frame: the length prefix must match the bytes that follow it.
     *
     * @throws MsgDecodeException   if the prefix is missing, wrong or over the limit, or the body is bad
     * @throws NullPointerException if {@code frame} is null
     */
    public Msg decodeFrame(byte[] frame) {
        if (frame.length < HEADER_BYTES) {
            throw new MsgDecodeException("truncated frame header: " + frame.length + " bytes", 0, null);
        }
        long n = bodyLength(frame, 0);
        if (n != frame.length - HEADER_BYTES) {
            throw new MsgDecodeException("frame header says " + n + " body bytes but " + (frame.length
                    - HEADER_BYTES) + " follow", 0, null);
        }
        return decode(frame, HEADER_BYTES, frame.length - HEADER_BYTES);
    }

    /**
     * Reads and checks a frame's length prefix, for transports: call before allocating the body buffer.
     *
     * @param header at least 4 bytes from {@code offset}
     * @return the body length, at most {@link CodecLimits#maxFrameBytes()}
     * @throws MsgDecodeException if the length is over the limit
     * @throws IndexOutOfBoundsException if fewer than 4 bytes are available
     */
    public int frameBodyLength(byte[] header, int offset) {
        Objects.checkFromIndexSize(offset, HEADER_BYTES, header.length);
        long n = bodyLength(header, offset);
        checkBodyLength(n);
        return (int) n;
    }

    private void checkBodyLength(long n) {
        if (n > limits.maxFrameBytes()) {
            throw new MsgDecodeException("frame of " + n + " bytes exceeds the limit of "
                    + limits.maxFrameBytes(), 0, null);
        }
    }

    /** {@return the unsigned little-endian 32-bit length at {@code offset}} */
    static long bodyLength(byte[] b, int offset) {
        return (b[offset] & 0xffL) | (b[offset + 1] & 0xffL) << 8 | (b[offset + 2] & 0xffL) << 16
                | (b[offset + 3] & 0xffL) << 24;
    }

    /** Writes {@code n} as the 4-byte little-endian prefix of {@code frame}. */
    static void putLength(byte[] frame, int n) {
        frame[0] = (byte) n;
        frame[1] = (byte) (n >>> 8);
        frame[2] = (byte) (n >>> 16);
        frame[3] = (byte) (n >>> 24);
    }

    /** {@return the limits} */
    public CodecLimits limits() {
        return limits;
    }

    @Override
    public String toString() {
        return "MsgCodec[" + limits + "]";
    }
}
