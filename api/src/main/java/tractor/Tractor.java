package tractor;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import tractor.spi.RuntimeProvider;

/**
 * The entry point: open a tree of actors, find the current one.
 *
 * {@snippet :
 * Tractor.openNursery(an -> {
 *     Portal p = an.runInActor("cruncher", Primes::isPrime, 97);
 *     System.out.println(p.result());
 * });
 * }
 *
 * <p>The actor runtime is a service ({@link RuntimeProvider}) found with {@link ServiceLoader}, as
 * SLF4J finds its provider: put the runtime module on the module path or class path.
 */
public final class Tractor {
    private Tractor() {}

    /** A body run inside a scope. */
    @FunctionalInterface
    public interface Body<T> {
        void run(T value) throws Exception;
    }

    /**
     * Opens an actor nursery, booting a root actor with default options when the calling task belongs
     * to no actor. Returns once every child is reaped; raises what failed.
     */
    public static void openNursery(Body<ActorNursery> body) throws Exception {
        provider().openNursery(RootOptions.of(), body);
    }

    /** Like {@link #openNursery(Body)}; {@code options} apply when a root is booted. */
    public static void openNursery(RootOptions options, Body<ActorNursery> body) throws Exception {
        provider().openNursery(options, body);
    }

    /**
     * Boots the root actor of this program, runs {@code body}, then tears the actor down.
     *
     * @throws RuntimeFailure when an actor already runs in this program
     */
    public static void openRoot(RootOptions options, Body<Actor> body) throws Exception {
        provider().openRoot(options, body);
    }

    /**
     * Runs this program as a daemon (tractor's {@code run_daemon}): boots a root actor that serves its
     * enabled classes to peers, runs {@code started} once it is registered (to announce its address, say),
     * then serves until it is cancelled: by a peer ({@code portal.cancelActor()}) or by SIGINT/SIGTERM.
     * Returns normally when cancelled; raises what failed otherwise.
     *
     * {@snippet :
     * Tractor.runDaemon(RootOptions.of().name("registrar").enable(Greeter.class).registryAddress("tcp://127.0.0.1:1616"),
     *         actor -> System.out.println("serving at " + actor.address()));
     * }
     *
     * @throws RuntimeFailure when an actor already runs in this program, or the registry address cannot be used
     */
    public static void runDaemon(RootOptions options, Body<Actor> started) throws Exception {
        provider().openRoot(options, actor -> {
            started.run(actor);
            tractor.sc.Sc.sleepForever();
        });
    }

    /** {@link #runDaemon(RootOptions, Body)} with nothing to run once started. */
    public static void runDaemon(RootOptions options) throws Exception {
        runDaemon(options, actor -> { });
    }

    /**
     * Opens a flat cluster (tractor's {@code open_actor_cluster}): an actor nursery (booting a root with
     * {@code options.root()} when the calling task belongs to no actor) in which every actor of
     * {@code options} is started concurrently; {@code body} gets their portals by actor name, in order.
     * When the body returns the cluster is cancelled; when it fails, one-cancels-all applies. Returns
     * once every actor is reaped.
     *
     * {@snippet :
     * Tractor.openActorCluster(ClusterOptions.of(Primes.class), portals -> {
     *     for (Portal p : portals.values()) System.out.println(p.run(Primes::isPrime, 97));
     * });
     * }
     */
    public static void openActorCluster(ClusterOptions options, Body<java.util.Map<String, Portal>> body) throws Exception {
        openNursery(options.root(), an -> Clusters.run(an, options, body));
    }

    /**
     * The actor the calling task belongs to.
     *
     * @throws NoRuntime outside of any actor
     */
    public static Actor currentActor() {
        return provider().currentActor().orElseThrow(() -> new NoRuntime("no actor runtime is running in this task: "
                + "open one with Tractor.openNursery or Tractor.openRoot"));
    }

    /**
     * A portal to the actor named {@code name}, found through the registrar of the calling actor's tree;
     * empty when none is registered (or the one registered cannot be reached: its entry is then deleted at
     * the registrar). Names are not unique: the first actor registered under the name is the one found.
     *
     * @throws NoRuntime outside of any actor
     * @throws RegistryUnavailable when the registrar cannot be reached
     */
    public static java.util.Optional<Portal> findActor(String name) {
        return provider().findActor(name);
    }

    /**
     * A portal to the actor named {@code name}, waiting until one registers; a checkpoint (cancel the
     * calling scope to give up). Of several actors of that name, the first one registered.
     *
     * @throws NoRuntime outside of any actor
     * @throws RegistryUnavailable when the registrar cannot be reached, or goes away while waiting
     */
    public static Portal waitForActor(String name) {
        return provider().waitForActor(name);
    }

    /**
     * The address the actor named {@code name} listens on, asked of the registrar without connecting to
     * the actor; empty when none is registered.
     *
     * @throws NoRuntime outside of any actor
     * @throws RegistryUnavailable when the registrar cannot be reached
     */
    public static java.util.Optional<String> queryActor(String name) {
        return provider().queryActor(name);
    }

    /**
     * A portal to the registrar of the calling actor's tree (a portal to itself when this actor is the
     * registrar).
     *
     * @throws NoRuntime outside of any actor
     * @throws RegistryUnavailable when the registrar cannot be reached
     */
    public static Portal getRegistry() {
        return provider().registry();
    }

    /**
     * Every actor registered with the registrar of the calling actor's tree (tractor's
     * {@code get_registry}): uid to the addresses it listens on, in registration order.
     *
     * @throws NoRuntime outside of any actor
     */
    public static java.util.Map<ActorId, java.util.List<String>> listActors() {
        return provider().listActors();
    }

    /**
     * The context whose endpoint the calling task runs (tractor's {@code current_ipc_ctx}).
     *
     * @throws IllegalStateException outside of a context endpoint
     */
    public static Context currentIpcCtx() {
        return provider().currentContext().orElseThrow(() -> new IllegalStateException("the calling task runs no context endpoint"));
    }

    /**
     * Pauses the calling task until it is resumed, like a breakpoint (tractor's {@code pause()}). The
     * tree's terminal belongs to one actor at a time: the root holds a FIFO lock, other actors that pause
     * queue behind it. Once the lock is held the root prints who is paused and where (actor, pid,
     * thread, stack); the task resumes when Enter is pressed on the root's terminal, or when a debugger
     * attached to the paused JVM sets {@code resume = true} on the {@code DebugHold} in the paused
     * thread's stack. A checkpoint: a cancellation of the calling task ends the pause.
     *
     * @throws IllegalStateException when the tree does not run in debug mode ({@link RootOptions#debugMode})
     * @throws NoRuntime             outside of any actor
     */
    public static void pause() {
        provider().pause();
    }

    private static RuntimeProvider provider() {
        return Holder.PROVIDER;
    }

    private static final class Holder {
        static final RuntimeProvider PROVIDER = find();

        private static RuntimeProvider find() {
            List<String> broken = new ArrayList<>();
            var it = ServiceLoader.load(RuntimeProvider.class, Tractor.class.getClassLoader()).iterator();
            while (true) {
                try {
                    if (!it.hasNext()) break;
                    return it.next();
                } catch (ServiceConfigurationError e) {
                    broken.add(e.getMessage());
                    System.getLogger("tractor").log(System.Logger.Level.WARNING, "skipping a broken tractor runtime provider: " + e.getMessage());
                }
            }
            throw new NoRuntime("no tractor runtime provider found: put the tractor-runtime module on the module path or class path"
                    + (broken.isEmpty() ? "" : " (broken providers: " + broken + ")"));
        }
    }
}
