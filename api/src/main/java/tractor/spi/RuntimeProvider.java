package tractor.spi;

import tractor.ActorId;

import java.util.Optional;
import tractor.Actor;
import tractor.ActorNursery;
import tractor.RootOptions;
import tractor.Tractor;

/**
 * What an actor runtime implementation provides to the {@link Tractor} facade, found with
 * {@link java.util.ServiceLoader} (declared with {@code provides tractor.spi.RuntimeProvider with ...}),
 * the way SLF4J finds its provider. Applications never call it directly.
 */
public interface RuntimeProvider {
    /**
     * Opens an actor nursery in the calling actor, booting a root actor with {@code options} first when
     * the calling task belongs to none.
     */
    void openNursery(RootOptions options, Tractor.Body<ActorNursery> body) throws Exception;

    /** Boots a root actor, runs {@code body} in it, then tears the actor down. */
    void openRoot(RootOptions options, Tractor.Body<Actor> body) throws Exception;

    /** The actor the calling task belongs to. */
    Optional<Actor> currentActor();

    /** A portal to the actor named {@code name}, found through the registrar, if one is registered. */
    Optional<tractor.Portal> findActor(String name);

    /** A portal to the actor named {@code name} once one is registered; a checkpoint. */
    tractor.Portal waitForActor(String name);

    /** The address of the actor named {@code name}, without connecting to it. */
    Optional<String> queryActor(String name);

    /** A portal to the registrar of the calling actor's tree (itself, when it is the registrar). */
    tractor.Portal registry();

    /** Pauses the calling task in debug mode, see {@link Tractor#pause()}. */
    void pause();

    /** The context whose endpoint the calling task runs (child side), if any. */
    Optional<tractor.Context> currentContext();

    /** Every actor registered with the registrar of the calling actor's tree: uid to addresses, in registration order. */
    java.util.Map<ActorId, java.util.List<String>> listActors();
}
