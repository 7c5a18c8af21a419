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
     * empty when none is registered (or the one registered cannot be reached). Names are not unique: the
     * first actor registered under the name is the one found.
     *
     * @throws NoRuntime outside of any actor
     */
    public static java.util.Optional<Portal> findActor(String name) {
        return provider().findActor(name);
    }

    /**
     * A portal to the actor named {@code name}, waiting until one registers; a checkpoint (cancel the
     * calling scope to give up).
     *
     * @throws NoRuntime outside of any actor
     */
    public static Portal waitForActor(String name) {
        return provider().waitForActor(name);
    }

    /**
     * The address the actor named {@code name} listens on, asked of the registrar without connecting to
     * the actor; empty when none is registered.
     *
     * @throws NoRuntime outside of any actor
     */
    public static java.util.Optional<String> queryActor(String name) {
        return provider().queryActor(name);
    }

    /**
     * A portal to the registrar of the calling actor's tree (a portal to itself when this actor is the
     * registrar).
     *
     * @throws NoRuntime outside of any actor
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
