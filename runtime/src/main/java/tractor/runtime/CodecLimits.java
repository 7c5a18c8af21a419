package tractor.runtime;

/**
 * Decoder limits, checked before anything is allocated.
 *
 * @param maxFrameBytes largest msgpack body accepted or produced (the 4-byte length prefix excluded)
 * @param maxDepth      deepest nesting of arrays/maps accepted or produced (the msg map itself is depth 1)
 */
public record CodecLimits(int maxFrameBytes, int maxDepth) {
    /** 16 MiB, tractor for Java's default frame limit. */
    public static final int DEFAULT_MAX_FRAME_BYTES = 16 << 20;
    /** Default nesting limit. */
    public static final int DEFAULT_MAX_DEPTH = 64;
    /** The defaults: 16 MiB frames, depth 64. */
    public static final CodecLimits DEFAULT = new CodecLimits(DEFAULT_MAX_FRAME_BYTES, DEFAULT_MAX_DEPTH);

    /** @throws IllegalArgumentException if a limit is not positive */
    public CodecLimits {
        if (maxFrameBytes <= 0 || maxDepth <= 0) {
            throw new IllegalArgumentException("limits must be positive: maxFrameBytes=" + maxFrameBytes
                    + ", maxDepth=" + maxDepth);
        }
    }

    /** {@return these limits with another frame size} @param bytes the new frame limit */
    public CodecLimits withMaxFrameBytes(int bytes) {
        return new CodecLimits(bytes, maxDepth);
    }

    /** {@return these limits with another depth} @param depth the new depth limit */
    public CodecLimits withMaxDepth(int depth) {
        return new CodecLimits(maxFrameBytes, depth);
    }
}
