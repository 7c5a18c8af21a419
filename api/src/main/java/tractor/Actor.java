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

    /**
     * Prints this actor's subtree to {@code out}: the actor (name, uuid, pid, address, roles), its
     * connections with their open dialogs (contexts, their streams, calls), then each child indented
     * under it as the child dumps itself (asked over RPC, bounded; a child that does not answer is shown
     * with what this actor knows of it).
     *
     * {@snippet :
     * Tractor.currentActor().dump(System.out);
     * }
     *
     * @throws java.io.IOException what {@code out} throws
     */
    void dump(Appendable out) throws java.io.IOException;
}
