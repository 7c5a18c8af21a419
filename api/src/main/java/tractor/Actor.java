package tractor;

/**
 * An actor: one runtime (a JVM, or an isolated runtime inside one with the thread backend) with its
 * IPC server, its peers and the tasks it runs for them. {@link Tractor#currentActor()} gives the one
 * the calling task belongs to.
 */
public interface Actor {
    /** The name given at spawn ({@code "root"} for a root by default). */
    default String name() {
        return uid().name();
    }

    /** Name and unique id. */
    ActorId uid();

    /** The OS process id of the JVM it runs in. */
    long pid();

    /** Whether this actor keeps the registry of the tree (the first root does by default). */
    boolean isRegistrar();

    /** Whether this actor is the root of its tree. */
    boolean isRoot();

    /** The address its IPC server listens on, in text form ({@code tcp://127.0.0.1:40123}). */
    String address();

    /** The registry address this actor registers with, in text form. */
    String registryAddress();

    /** A portal to this actor's parent; empty for a root. */
    java.util.Optional<Portal> parent();

    /**
     * Asks this actor to cancel itself soon: every task it runs is cancelled and its runtime ends.
     * Returns at once.
     */
    void cancelSoon();
}
