package tractor;

/**
 * Handed to a one-way streaming endpoint as its first parameter: each {@link #emit(Object)} sends one
 * value to the consumer ({@link Portal#openStreamFrom}). A checkpoint: when the consumer leaves, the
 * producer is cancelled at its next emit.
 *
 * {@snippet :
 * public static void ticks(Emitter out, int n) {
 *     for (int i = 0; i < n; i++) out.emit(i);
 * }
 * }
 */
@FunctionalInterface
public interface Emitter {
    /** Sends {@code value} to the consumer. */
    void emit(Object value);
}
