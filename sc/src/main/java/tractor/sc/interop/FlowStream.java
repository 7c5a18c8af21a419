package tractor.sc.interop;

/**
 * A {@link java.util.concurrent.Flow.Publisher} consumed by a task (see {@link Interop#subscribe}):
 * values are requested as they are received, at most the prefetch in flight. Iteration receives until
 * the publisher completes.
 *
 * @param <T> the type of the values
 */
public interface FlowStream<T> extends Iterable<T> {
    /**
     * The next value, waiting for one; a checkpoint.
     *
     * @throws tractor.sc.EndOfChannelException when the publisher completed and every value was received
     */
    T receive();
}
