package tractor;

import tractor.Endpoints.Fn0;
import tractor.Endpoints.Fn1;
import tractor.Endpoints.Fn2;
import tractor.Endpoints.Fn3;

/**
 * Spawns and supervises child actors (tractor's {@code ActorNursery}). One-cancels-all: a child's error
 * cancels its siblings and the body; once every child is reaped, a single error surfaces as that
 * {@link RemoteActorError}, several as a {@link tractor.sc.ExceptionGroup}. The nursery does not end
 * before every child it spawned has ended and was reaped.
 *
 * {@snippet :
 * Tractor.openNursery(an -> {
 *     Portal p = an.startActor("worker", ActorOptions.of().enable(Primes.class));
 *     boolean prime = p.run(Primes::isPrime, 97);
 *     p.cancelActor();
 * });
 * }
 *
 * <table class="striped">
 * <caption>Child kinds</caption>
 * <tr><th>started by</th><th>lives until</th><th>result</th></tr>
 * <tr><td>{@link #startActor}</td><td>cancelled ({@code portal.cancelActor()}, {@link #cancel()}, a sibling's error)</td><td>none</td></tr>
 * <tr><td>{@link #runInActor}</td><td>its one call returned</td><td>{@link Portal#result()}, collected at nursery exit</td></tr>
 * </table>
 */
public interface ActorNursery {
    /**
     * Spawns a long-lived child ("daemon") and returns a portal to it once it has connected back.
     *
     * @throws ActorStartupError when the child dies or does not connect back within the spawn timeout
     */
    Portal startActor(String name, ActorOptions options);

    /** {@link #startActor(String, ActorOptions)} with default options. */
    default Portal startActor(String name) {
        return startActor(name, ActorOptions.of());
    }

    /**
     * Spawns a child that runs one call and is cancelled once it returned (tractor's
     * {@code run_in_actor}). The call's class is enabled in the child. Its result or error is collected
     * when the nursery ends, or earlier by {@link Portal#result()}.
     */
    Portal runInActor(String name, ActorOptions options, Endpoint endpoint, Object... args);

    /** {@link #runInActor(String, ActorOptions, Endpoint, Object...)} of a typed method reference. */
    default <R> Portal runInActor(String name, Fn0<R> fn) {
        return runInActor(name, ActorOptions.of(), Endpoint.of(fn));
    }

    /** Typed one-argument form. */
    default <A, R> Portal runInActor(String name, Fn1<A, R> fn, A a) {
        return runInActor(name, ActorOptions.of(), Endpoint.of(fn), a);
    }

    /** Typed two-argument form. */
    default <A, B, R> Portal runInActor(String name, Fn2<A, B, R> fn, A a, B b) {
        return runInActor(name, ActorOptions.of(), Endpoint.of(fn), a, b);
    }

    /** Typed three-argument form. */
    default <A, B, C, R> Portal runInActor(String name, Fn3<A, B, C, R> fn, A a, B b, C c) {
        return runInActor(name, ActorOptions.of(), Endpoint.of(fn), a, b, c);
    }

    /** Typed form of a void method, no argument. */
    default Portal runInActor(String name, Endpoints.Proc0 fn) {
        return runInActor(name, ActorOptions.of(), Endpoint.of(fn));
    }

    /** Typed form of a void method, one argument. */
    default <A> Portal runInActor(String name, Endpoints.Proc1<A> fn, A a) {
        return runInActor(name, ActorOptions.of(), Endpoint.of(fn), a);
    }

    /** Typed form of a void method, two arguments. */
    default <A, B> Portal runInActor(String name, Endpoints.Proc2<A, B> fn, A a, B b) {
        return runInActor(name, ActorOptions.of(), Endpoint.of(fn), a, b);
    }

    /**
     * Cancels every child: a graceful runtime-cancel request to each (acknowledged within the cancel-ack
     * wait), then, past the nursery's budget, their processes are terminated and killed. Returns once
     * every child has been reaped.
     */
    void cancel();

    /** Whether {@link #cancel()} was called, explicitly or by one-cancels-all. */
    boolean cancelCalled();
}
