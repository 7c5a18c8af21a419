package tractor.runtime;

import tractor.sc.TractorException;

/**
 * Bytes from a peer could not be decoded: malformed or truncated msgpack, a declared length larger than
 * the bytes left in the frame, a frame or nesting depth over the limit. The only exception the decoders
 * of {@link MsgCodec} and {@link PayloadCodec} throw for bad input; {@link MsgValidationException} (a
 * subtype) marks well-formed msgpack that does not match the expected shape.
 */
public class MsgDecodeException extends TractorException {
    private final long offset;

    /**
     * @param message what was wrong
     * @param offset  byte offset in the decoded buffer where it was found, or -1 if not known
     * @param cause   the underlying error, or null
     */
    public MsgDecodeException(String message, long offset, Throwable cause) {
        super(offset >= 0 ? message + " (at byte " + offset + ")" : message, cause);
        this.offset = offset;
    }

    /** {@return the byte offset (from the start of the msgpack body) where the problem was found, or -1} */
    public long offset() {
        return offset;
    }
}
