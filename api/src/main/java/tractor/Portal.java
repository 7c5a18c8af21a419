package tractor;

import tractor.Endpoints.Fn0;
import tractor.Endpoints.Fn1;
import tractor.Endpoints.Fn2;
import tractor.Endpoints.Fn3;
import tractor.Endpoints.Fn4;

/**
 * A handle to another actor (tractor's {@code Portal}): run calls in it, cancel it, wait for the
 * result of a {@code runInActor} child.
 *
 * <p>Calls run as a new task in the peer. Arguments and results cross the wire as msgpack values
 * (numbers, strings, booleans, byte arrays, lists, maps, records, enums, registered types); an error
 * in the peer is raised here as a {@link RemoteActorError} that keeps the remote type, message, stack
 * and the actors it crossed. Only public static methods of classes the peer enabled can be invoked;
 * anything else is refused by the peer with a {@link RemoteActorError} and never run.
 *
 * <p>Every blocking call here is a checkpoint: cancelling the calling task's scope abandons the wait
 * (the remote task is cancelled) and raises {@link tractor.sc.Cancelled}.
 */
public interface Portal {
    /** The actor this portal reaches. */
    ActorId peer();

    /**
     * Runs {@code endpoint(args)} in the peer and returns its result, decoded as {@code resultType}
     * ({@code Object.class} for the generic mapping).
     *
     * @throws RemoteActorError when the call fails in the peer, or the peer refuses it (not enabled,
     *                          no such method, arguments that do not fit)
     * @throws TransportClosed  when the connection to the peer breaks before the result arrives
     * @throws MsgEncodeError   when an argument cannot be encoded (nothing is sent)
     */
    <R> R run(Class<R> resultType, Endpoint endpoint, Object... args);

    /** {@code run(Object.class, Endpoint.parse(endpoint), args)}, for dynamic callers. */
    default Object run(String endpoint, Object... args) {
        return run(Object.class, Endpoint.parse(endpoint), args);
    }

    /** Runs a typed method reference; the result is decoded to the method's declared return type. */
    <R> R run(Fn0<R> fn);

    /** Typed one-argument form. */
    <A, R> R run(Fn1<A, R> fn, A a);

    /** Typed two-argument form. */
    <A, B, R> R run(Fn2<A, B, R> fn, A a, B b);

    /** Typed three-argument form. */
    <A, B, C, R> R run(Fn3<A, B, C, R> fn, A a, B b, C c);

    /** Typed four-argument form. */
    <A, B, C, D, R> R run(Fn4<A, B, C, D, R> fn, A a, B b, C c, D d);

    /** Runs a void method reference; returns once it returned in the peer. */
    void run(Endpoints.Proc0 fn);

    /** Void one-argument form. */
    <A> void run(Endpoints.Proc1<A> fn, A a);

    /** Void two-argument form. */
    <A, B> void run(Endpoints.Proc2<A, B> fn, A a, B b);

    /** Void three-argument form. */
    <A, B, C> void run(Endpoints.Proc3<A, B, C> fn, A a, B b, C c);

    /**
     * Opens a context with the context endpoint {@code endpoint} (a public static method whose first
     * parameter is a {@link Context}) in the peer: sends the call, waits for the child's
     * {@code started(v)}, returns the context ({@link Context#first()} holds {@code v}).
     *
     * @param allowOverruns whether this side queues stream msgs past the bound instead of failing the sender
     * @throws RemoteActorError what the child raised before {@code started}, or its refusal of the call
     * @throws RuntimeFailure   when the peer is this actor itself
     */
    Context openContext(Endpoint endpoint, boolean allowOverruns, Object... args);

    /**
     * The callback form of {@link #openContext(Endpoint, boolean, Object...)}, with tractor's exact
     * semantics: runs {@code body} with the context in a scope that an error from the child cancels; a
     * normal return waits for the child's result and returns it (or the {@link ContextCancelled} of a
     * cancel this side asked for); a failing body cancels the far task and its error is rethrown (a
     * {@link ContextCancelled} escaping the body is rethrown without cancelling the peer); the child's
     * error is raised as a {@link RemoteActorError}, a real error beating a cancellation.
     */
    Object withContext(Endpoint endpoint, boolean allowOverruns, Context.Body body, Object... args) throws Exception;

    /** Typed callback form, no extra argument. */
    default <R> Object withContext(Endpoints.Ctx0<R> fn, Context.Body body) throws Exception {
        return withContext(Endpoint.of(fn), false, body);
    }

    /** Typed callback form, one argument. */
    default <A, R> Object withContext(Endpoints.Ctx1<A, R> fn, A a, Context.Body body) throws Exception {
        return withContext(Endpoint.of(fn), false, body, a);
    }

    /** Typed callback form of a void endpoint, no extra argument. */
    default Object withContext(Endpoints.CtxV0 fn, Context.Body body) throws Exception {
        return withContext(Endpoint.of(fn), false, body);
    }

    /** Typed callback form of a void endpoint, one argument. */
    default <A> Object withContext(Endpoints.CtxV1<A> fn, A a, Context.Body body) throws Exception {
        return withContext(Endpoint.of(fn), false, body, a);
    }

    /** Typed form, no extra argument. */
    default <R> Context openContext(Endpoints.Ctx0<R> fn) {
        return openContext(Endpoint.of(fn), false);
    }

    /** Typed form, one argument. */
    default <A, R> Context openContext(Endpoints.Ctx1<A, R> fn, A a) {
        return openContext(Endpoint.of(fn), false, a);
    }

    /** Typed form, two arguments. */
    default <A, B, R> Context openContext(Endpoints.Ctx2<A, B, R> fn, A a, B b) {
        return openContext(Endpoint.of(fn), false, a, b);
    }

    /** Typed form of a void endpoint, no extra argument. */
    default Context openContext(Endpoints.CtxV0 fn) {
        return openContext(Endpoint.of(fn), false);
    }

    /** Typed form of a void endpoint, one argument. */
    default <A> Context openContext(Endpoints.CtxV1<A> fn, A a) {
        return openContext(Endpoint.of(fn), false, a);
    }

    /** Typed form of a void endpoint, two arguments. */
    default <A, B> Context openContext(Endpoints.CtxV2<A, B> fn, A a, B b) {
        return openContext(Endpoint.of(fn), false, a, b);
    }

    /**
     * Opens a one-way stream from {@code endpoint} in the peer (tractor's {@code open_stream_from}): a
     * public static method that returns a {@link java.util.stream.Stream}, an {@link Iterable} or an
     * {@link java.util.Iterator}, or takes an {@link Emitter} as its first parameter. Each element
     * arrives as one value of the returned stream; closing the stream (leaving its try block) cancels
     * the producer. A target of another shape is refused before anything is sent, when its class is
     * loadable here, else by the peer.
     *
     * @throws IllegalArgumentException when the target is not a streaming endpoint
     * @throws RemoteActorError         when the peer refuses the call
     */
    MsgStream openStreamFrom(Endpoint endpoint, Object... args);

    /** Typed form of a producer returning a {@code Stream}, {@code Iterable} or {@code Iterator}. */
    default <R> MsgStream openStreamFrom(Endpoints.Fn0<R> fn) {
        return openStreamFrom(Endpoint.of(fn));
    }

    /** Typed form, one argument. */
    default <A, R> MsgStream openStreamFrom(Endpoints.Fn1<A, R> fn, A a) {
        return openStreamFrom(Endpoint.of(fn), a);
    }

    /** Typed form, two arguments. */
    default <A, B, R> MsgStream openStreamFrom(Endpoints.Fn2<A, B, R> fn, A a, B b) {
        return openStreamFrom(Endpoint.of(fn), a, b);
    }

    /** Typed form of an emitting producer. */
    default MsgStream openStreamFrom(Endpoints.Emit0 fn) {
        return openStreamFrom(Endpoint.of(fn));
    }

    /** Typed form of an emitting producer, one argument. */
    default <A> MsgStream openStreamFrom(Endpoints.Emit1<A> fn, A a) {
        return openStreamFrom(Endpoint.of(fn), a);
    }

    /** Typed form of an emitting producer, two arguments. */
    default <A, B> MsgStream openStreamFrom(Endpoints.Emit2<A, B> fn, A a, B b) {
        return openStreamFrom(Endpoint.of(fn), a, b);
    }

    /**
     * The result of the one call of a {@link ActorNursery#runInActor} child: waits for it, caches it.
     *
     * @throws RemoteActorError when that call failed
     * @throws IllegalStateException when this portal's actor was not started by {@code runInActor}
     */
    Object result();

    /**
     * Cancels the whole peer actor (its runtime and every task in it), waiting at most the cancel-ack
     * timeout (0.5 s by default) for its acknowledgement.
     *
     * @return true when acknowledged; false on timeout or when the peer is already gone
     */
    boolean cancelActor();

    /**
     * Like {@link #cancelActor()}, raising {@link ActorTooSlowError} instead of returning false on a
     * timeout.
     */
    boolean cancelActorOrFail();

    /**
     * The far actor's tree dump, as its {@link Actor#dump} prints it (asked with the runtime call
     * {@code dump}); a checkpoint.
     *
     * @throws TransportClosed when the actor cannot be reached
     */
    String dumpActor();
}
