package tractor.trionics;

import tractor.sc.Nursery;

/**
 * Keyed, reference-counted resources shared by every task that uses the cache (tractor's
 * {@code maybe_open_context}, whose cache is actor-wide: make one cache per actor, or per
 * subsystem, bound to a long-lived service nursery).
 *
 * <p>The first task asking for a key enters the resource in a task of the service nursery and runs
 * its body with {@code cacheHit == false}; tasks asking for the same key while it is held run their
 * body with {@code cacheHit == true} and the same value. A per-key FIFO lock orders the callers; a
 * caller cancelled while waiting for it, or while the resource is being entered, leaves the lock free.
 * The users of a key are counted: the last one to leave signals the resource to exit and waits,
 * shielded from cancellation, until the exit completed; an error raised by the exit is thrown to
 * that last user (the same instance; the user's own error or cancellation is attached to it as
 * suppressed). A caller arriving while the resource is exiting waits for the exit to finish, then
 * enters a fresh resource (a cache miss).
 *
 * <p>The service nursery must enclose every caller: it must stay open while any body runs. If it
 * is cancelled, the resource exits early (under that cancellation) and its users keep a value whose
 * resource is gone.
 * {@snippet :
 * Nursery.run(service -> {
 *     ResourceCache cache = ResourceCache.open(service);
 *     for (int i = 0; i < 10; i++) {
 *         service.startSoon(() -> cache.maybeOpen("db", Db.connect(url), (hit, db) -> db.query("...")));
 *     }
 * }); // the connection is entered once and exited after the last of the ten left
 * }
 */
public sealed interface ResourceCache permits ResourceCacheImpl {

    /** The code run with a shared resource. */
    @FunctionalInterface
    interface Body<T> {
        /**
         * @param cacheHit false for the caller that entered the resource, true for the others
         * @param value the resource's value
         */
        void run(boolean cacheHit, T value) throws Exception;
    }

    /** A cache whose resources are held by tasks of {@code serviceNursery}. */
    static ResourceCache open(Nursery serviceNursery) {
        return new ResourceCacheImpl(serviceNursery);
    }

    /**
     * Runs {@code body} with the resource cached under {@code key}, entering it with {@code factory}
     * on a cache miss; keys are compared with {@code equals}. The factory of a hit is not used.
     *
     * @throws IllegalStateException when the service nursery is closed
     * @throws Exception what entering the resource raised (the body does not run), what the body
     *         raised, or, for the last user, what the resource's exit raised
     */
    <T> void maybeOpen(Object key, ScopedResource<? extends T> factory, Body<? super T> body) throws Exception;

    /** Like {@link #maybeOpen(Object, ScopedResource, Body)} keyed by the factory object itself. */
    default <T> void maybeOpen(ScopedResource<? extends T> factory, Body<? super T> body) throws Exception {
        maybeOpen(factory, factory, body);
    }

    /** How many tasks currently use the resource under {@code key} (0 when none is held). */
    int users(Object key);

    /** Whether a resource is currently held (entered, not yet fully exited) under {@code key}. */
    boolean isCached(Object key);
}
