package tractor.sc;

/**
 * A scope that tasks run in (trio's nursery). The scope does not end before every task started in it
 * has ended. The first failure cancels the body and every sibling; once all ended, a single failure is
 * rethrown as it is and several as an {@link ExceptionGroup}. Cancellations caused by the nursery's
 * own cancel scope are absorbed; a real error beats a cancellation.
 *
 * <p>Tasks are virtual threads. Any task holding the nursery may start more tasks in it until it has
 * closed (its body and all its tasks have ended); after that {@code startSoon}/{@code start} throw
 * {@link IllegalStateException}.
 *
 * <p>Callback form, trio's exact semantics:
 * {@snippet :
 * Nursery.run(n -> {
 *     n.startSoon("worker", () -> work());
 *     int port = n.start(status -> serve(status)); // waits for status.started(port)
 * });
 * }
 * {@code AutoCloseable} form, with the JDK {@code StructuredTaskScope} rule: the normal path ends
 * with {@link #join()}; a {@link #close()} reached without it is an abnormal exit that cancels what
 * still runs and waits for it.
 * {@snippet :
 * try (Nursery n = Nursery.open()) {
 *     n.startSoon(() -> work());
 *     n.join();
 * }
 * }
 *
 * <table class="striped">
 * <caption>Lifecycle</caption>
 * <tr><th>state</th><th>tasks may start</th><th>entered by</th></tr>
 * <tr><td>open</td><td>yes</td><td>{@code open()} / {@code run()}</td></tr>
 * <tr><td>joining</td><td>yes, by its own tasks</td><td>{@code join()}, {@code close()}, end of the callback</td></tr>
 * <tr><td>closed</td><td>no</td><td>the last task ended</td></tr>
 * </table>
 */
public sealed interface Nursery extends AutoCloseable permits NurseryImpl {

    /** The body of a callback-form nursery. */
    @FunctionalInterface
    interface Body {
        void run(Nursery nursery) throws Exception;
    }

    /** A task that reports when it is ready, see {@link #start(StartTask)}. */
    @FunctionalInterface
    interface StartTask<T> {
        void run(TaskStatus<T> status) throws Exception;
    }

    /**
     * Opens a nursery in the calling thread, runs {@code body} inside it, waits for every task, then
     * raises what failed.
     */
    static void run(Body body) throws Exception {
        NurseryImpl n = NurseryImpl.open();
        try {
            body.run(n);
        } catch (Throwable t) {
            n.bodyFailed(t);
        }
        n.join();
    }

    /** Opens a nursery in the calling thread: close it in the same thread, after {@link #join()}. */
    static Nursery open() {
        return NurseryImpl.open();
    }

    /** Starts {@code task} as a new task named after a counter. */
    default void startSoon(Sc.Task task) {
        startSoon(null, task);
    }

    /**
     * Starts {@code task} in this nursery on a new virtual thread named {@code name}.
     *
     * @throws IllegalStateException when the nursery is closed
     */
    void startSoon(String name, Sc.Task task);

    /** Like {@link #start(String, StartTask)} with a counter-generated name. */
    default <T> T start(StartTask<T> task) throws Exception {
        return start(null, task);
    }

    /**
     * Starts {@code task} and waits until it calls {@link TaskStatus#started(Object)}, then returns
     * that value; the task goes on running in this nursery. Until it reports, the task runs under the
     * caller's cancel scope: an error it raises before reporting is thrown here, and if the caller is
     * cancelled meanwhile the task is cancelled and this throws {@link Cancelled} (never the "task
     * exited without started" error of plain trio, see tractor's {@code start_or_cancel}).
     *
     * @throws IllegalStateException when the nursery is closed, or the task ended without reporting
     * @throws Exception what the task raised before reporting, unchanged
     */
    <T> T start(String name, StartTask<T> task) throws Exception;

    /** The cancel scope covering the body and every task. */
    CancelScope cancelScope();

    /** Cancels the body and every task ({@code cancelScope().cancel()}). */
    default void cancel() {
        cancelScope().cancel();
    }

    /**
     * Ends the body: waits for every task to end, closes the nursery, then throws what failed (one
     * error as it is, several as an {@link ExceptionGroup}); idempotent. Must be called by the thread
     * that opened the nursery.
     */
    void join() throws Exception;

    /**
     * Closes the nursery. After {@link #join()} it does nothing. Without it this is an abnormal exit:
     * every task is cancelled and waited for, then the tasks' real errors are thrown, or
     * {@link IllegalStateException} when tasks were started and {@code join()} was never reached.
     */
    @Override
    void close() throws Exception;
}
