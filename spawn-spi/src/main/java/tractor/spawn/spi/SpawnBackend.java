package tractor.spawn.spi;

/**
 * A way to start child actors (a child JVM, a thread of this JVM, a JVM on another host...). Created
 * by its {@link SpawnBackendProvider}; one instance serves one runtime and is closed with it.
 */
public interface SpawnBackend extends AutoCloseable {
    /** The short name it is selected by, like {@code process} or {@code thread}. */
    String name();

    /**
     * Starts a child. Returns once the child was launched, not once it is ready: the runtime waits for
     * the child to connect back, racing {@link ChildHandle#onExit()}.
     *
     * @throws SpawnException when the child cannot be launched at all (no java binary, thread refused,
     *                        host unreachable...), with the step that failed
     */
    ChildHandle spawn(SpawnRequest request);

    /** Releases what the backend holds (warm pools, helper threads); idempotent. */
    @Override
    default void close() {}
}
