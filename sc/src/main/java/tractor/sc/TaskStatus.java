package tractor.sc;

/**
 * Handed to a task started with {@link Nursery#start(Nursery.StartTask)}: the task reports that it is
 * ready, and with what value, by calling {@link #started(Object)} exactly once (trio's
 * {@code task_status}).
 */
public interface TaskStatus<T> {
    /**
     * Reports the task ready: the pending {@code start()} returns {@code value} and the task moves into
     * the nursery.
     *
     * @throws IllegalStateException when called twice, or when the nursery has closed meanwhile
     */
    void started(T value);

    /** {@code started(null)}. */
    default void started() {
        started(null);
    }
}
