package tractor.spawn.spi;

import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;

/**
 * A launched child, as its backend supervises it. The runtime stops a child gracefully over IPC first;
 * {@link #softStop()} and {@link #hardStop()} are the later rungs of the teardown ladder.
 *
 * <table class="striped">
 * <caption>Lifecycle</caption>
 * <tr><th>state</th><th>{@code onExit()}</th><th>entered by</th></tr>
 * <tr><td>running</td><td>pending</td><td>{@link SpawnBackend#spawn}</td></tr>
 * <tr><td>exited</td><td>completed with the exit status</td><td>the child's end, however caused</td></tr>
 * </table>
 */
public interface ChildHandle {
    /** The OS process id, or empty for an in-JVM child. */
    OptionalLong pid();

    /** A printable description: {@code process 1234} or {@code thread worker_1}. */
    String describe();

    /** Completes with the exit status once the child has ended and was reaped. */
    CompletableFuture<Integer> onExit();

    /** Waits at most {@code timeout} for the child to end; true when it has. */
    default boolean waitFor(Duration timeout) throws InterruptedException {
        try {
            onExit().get(timeout.toNanos(), java.util.concurrent.TimeUnit.NANOSECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException e) {
            return false;
        } catch (java.util.concurrent.ExecutionException e) {
            return true;
        }
    }

    /** Asks the child to end now (SIGTERM for a process); returns at once. */
    void softStop();

    /** Ends the child without asking (SIGKILL for a process); returns at once. */
    void hardStop();

    /** The last lines the child wrote to its standard error, for startup failure reports (may be empty). */
    String stderrTail();
}
