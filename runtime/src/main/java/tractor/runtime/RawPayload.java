package tractor.runtime;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * One msgpack value kept as its encoded bytes (tractor's {@code msgspec.Raw}): a msg's {@code pld} stays
 * raw in the msg loop and is decoded by the context that owns it, against that context's payload spec.
 * The bytes are exactly one complete msgpack value; the array is owned by this record (callers must not
 * mutate it after construction, and {@link #bytes()} does not copy, to keep the hot path copy-free).
 *
 * @param bytes the encoded value, never null, never empty
 */
public record RawPayload(byte[] bytes) {
    private static final byte[] NIL_BYTES = {(byte) 0xc0};
    private static final byte[] TRUE_BYTES = {(byte) 0xc3};
    private static final byte[] FALSE_BYTES = {(byte) 0xc2};

    /** The encoded msgpack {@code nil}. */
    public static final RawPayload NIL = new RawPayload(NIL_BYTES);
    /** The encoded msgpack {@code true}. */
    public static final RawPayload TRUE = new RawPayload(TRUE_BYTES);
    /** The encoded msgpack {@code false}. */
    public static final RawPayload FALSE = new RawPayload(FALSE_BYTES);

    /**
     * @throws NullPointerException if {@code bytes} is null
     * @throws IllegalArgumentException if {@code bytes} is empty (no msgpack value is zero bytes long)
     */
    public RawPayload {
        Objects.requireNonNull(bytes, "bytes");
        if (bytes.length == 0) {
            throw new IllegalArgumentException("a raw payload holds one msgpack value, not zero bytes");
        }
    }

    /** {@return the encoded boolean} */
    public static RawPayload of(boolean value) {
        return value ? TRUE : FALSE;
    }

    /** {@return the number of encoded bytes} */
    public int length() {
        return bytes.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RawPayload other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    /** Shows the length and at most the first 32 bytes in hex. */
    @Override
    public String toString() {
        int shown = Math.min(bytes.length, 32);
        String hex = HexFormat.of().formatHex(bytes, 0, shown);
        return "RawPayload[" + bytes.length + " bytes: " + hex + (shown < bytes.length ? "…]" : "]");
    }
}
