package tractor.testkit;

import java.util.List;

/**
 * One kind of resource a test must not leave behind. The built-in probes cover platform threads,
 * child processes and structured-concurrency tasks; a module adds its own (socket files, for
 * instance) by listing an implementation in {@code META-INF/services/tractor.testkit.LeakProbe} of its
 * test resources.
 */
public interface LeakProbe {
    /** A short name used in failure messages, like {@code "child processes"}. */
    String name();

    /** What exists before the test runs. */
    Object snapshot();

    /**
     * What the test left behind compared to {@code before}, each entry printable; empty when nothing
     * leaked. Called repeatedly during a short grace period, so it must not have side effects.
     */
    List<String> leaked(Object before);

    /** Releases what {@link #leaked} reported, so that one leaking test does not fail the next. */
    default void cleanUp(Object before) {}
}
