package tractor.sc;

/**
 * Runs around the body of tasks, in the task's own thread: the place to install thread-local context
 * (a logging MDC, a {@code ScopedValue} binding, a tracing span) that every task of a subtree must see,
 * since a new virtual thread starts with empty thread locals of most kinds.
 *
 * <p>A hook is installed with {@link Sc#withTaskHook}: it wraps that body and every task started in a
 * nursery opened within it, transitively. Nurseries capture the hooks of the task that opens them, so
 * a task started into a nursery from a foreign thread still runs under the nursery's hooks.
 *
 * {@snippet :
 * Sc.withTaskHook((name, body) -> {
 *     MDC.put("job", jobId);
 *     try {
 *         body.run();
 *     } finally {
 *         MDC.remove("job");
 *     }
 * }, () -> Nursery.run(n -> n.startSoon("worker", Worker::run)));
 * }
 *
 * @implSpec An implementation runs {@code body} exactly once, in the calling thread, and lets its
 * exceptions through; what it throws itself is the task's error.
 */
@FunctionalInterface
public interface TaskHook {
    /**
     * Runs {@code body}, the body of the task named {@code taskName}.
     *
     * @throws Exception what {@code body} throws
     */
    void run(String taskName, Sc.Task body) throws Exception;

    /** A hook that runs {@code inner} inside this one. */
    default TaskHook andThen(TaskHook inner) {
        TaskHook outer = this;
        return (name, body) -> outer.run(name, () -> inner.run(name, body));
    }
}
