package tractor.runtime;

import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import tractor.ActorId;
import tractor.ActorTooSlowError;
import tractor.Endpoint;
import tractor.Endpoints;
import tractor.Portal;
import tractor.RemoteActorError;
import tractor.TransportClosed;
import tractor.sc.CancelScope;
import tractor.sc.Cancelled;
import tractor.sc.ClosedResourceException;
import tractor.sc.TractorException;

/** The one implementation of {@link Portal}: dialogs over one {@link Channel} to the peer. */
final class PortalImpl implements Portal {
    private final ActorRuntime rt;
    private final Channel channel;
    /** The result of a runInActor child's one call; null for other portals. */
    final CompletableFuture<Object> result;

    PortalImpl(ActorRuntime rt, Channel channel, boolean oneShot) {
        this.rt = rt;
        this.channel = channel;
        this.result = oneShot ? new CompletableFuture<>() : null;
    }

    Channel channel() {
        return channel;
    }

    @Override
    public ActorId peer() {
        return ErrorBox.id(channel.peerUid());
    }

    @Override
    public <R> R run(Class<R> resultType, Endpoint endpoint, Object... args) {
        return resultType.cast(call(endpoint, resultType, args));
    }

    @Override public <R> R run(Endpoints.Fn0<R> fn) { return typed(fn); }

    @Override public <A, R> R run(Endpoints.Fn1<A, R> fn, A a) { return typed(fn, a); }

    @Override public <A, B, R> R run(Endpoints.Fn2<A, B, R> fn, A a, B b) { return typed(fn, a, b); }

    @Override public <A, B, C, R> R run(Endpoints.Fn3<A, B, C, R> fn, A a, B b, C c) { return typed(fn, a, b, c); }

    @Override public <A, B, C, D, R> R run(Endpoints.Fn4<A, B, C, D, R> fn, A a, B b, C c, D d) { return typed(fn, a, b, c, d); }

    @Override public void run(Endpoints.Proc0 fn) { call(Endpoint.of(fn), Object.class, new Object[0]); }

    @Override public <A> void run(Endpoints.Proc1<A> fn, A a) { call(Endpoint.of(fn), Object.class, new Object[] {a}); }

    @Override public <A, B> void run(Endpoints.Proc2<A, B> fn, A a, B b) { call(Endpoint.of(fn), Object.class, new Object[] {a, b}); }

    @Override public <A, B, C> void run(Endpoints.Proc3<A, B, C> fn, A a, B b, C c) {
        call(Endpoint.of(fn), Object.class, new Object[] {a, b, c});
    }

    @SuppressWarnings("unchecked")
    private <R> R typed(java.io.Serializable fn, Object... args) {
        Endpoint e = Endpoint.of(fn);
        return (R) call(e, returnType(fn, e, args.length), args);
    }

    /** The declared return type of the referenced method, looked up locally; Object when not loadable. */
    private static Type returnType(Object fn, Endpoint e, int argc) {
        try {
            Class<?> c = Class.forName(e.className(), false, fn.getClass().getClassLoader());
            for (Method m : c.getMethods()) {
                if (m.getName().equals(e.methodName()) && m.getParameterCount() == argc) return boxed(m.getGenericReturnType());
            }
        } catch (ClassNotFoundException | LinkageError ignored) {
            // decoded generically
        }
        return Object.class;
    }

    private static Type boxed(Type t) {
        if (!(t instanceof Class<?> c) || !c.isPrimitive()) return t;
        return java.lang.invoke.MethodType.methodType(c).wrap().returnType();
    }

    /** Runs one call dialog: {@code Start → StartAck → Return | Error}. */
    Object call(Endpoint endpoint, Type resultType, Object[] args) {
        PayloadCodec pc = rt.payloadCodec();
        RawPayload kwargs = Args.encode(pc, args);
        Msg reply = dialog(new Msg.Start(newCid(), endpoint.className(), endpoint.methodName(), kwargs, rt.wireUid()));
        if (reply instanceof Msg.Return r) {
            RawPayload p = r.pld();
            return pc.decode(p.bytes(), 0, p.length(), resultType == void.class || resultType == Void.class ? Object.class : resultType);
        }
        throw unexpected(reply);
    }

    private static String newCid() {
        return UUID.randomUUID().toString();
    }

    /** Sends {@code start} and returns the final msg of its dialog ({@code Return} or {@code CancelAck}). */
    private Msg dialog(Msg.Start start) {
        Dialog d = new Dialog();
        channel.register(start.cid(), d);
        try {
            channel.send(start);
            while (true) {
                Msg m = d.receive();
                // an instanceof chain, not a pattern switch: see MsgEncoder.write
                if (m instanceof Msg.StartAck a) {
                    if (!"self".equals(start.ns()) && !"asyncfunc".equals(a.functype())) {
                        cancelRemoteTask(start.cid());
                        throw new IllegalArgumentException(start.ns() + "#" + start.func() + " is a " + a.functype()
                                + " endpoint: open it with openContext, not run");
                    }
                } else if (m instanceof Msg.Error e) {
                    throw ErrorBox.unpack(e);
                } else if (m instanceof Msg.Return || m instanceof Msg.CancelAck) {
                    return m;
                } else {
                    throw unexpected(m);
                }
            }
        } catch (Cancelled c) {
            if (!"self".equals(start.ns())) cancelRemoteTask(start.cid());
            throw c;
        } finally {
            channel.unregister(start.cid());
            d.close();
        }
    }

    private TractorException unexpected(Msg m) {
        return new TractorException("protocol error: unexpected " + m.msgType() + " from " + channel.describePeer());
    }

    /** Asks the peer to cancel the task of dialog {@code cid}; shielded, bounded, best effort. */
    void cancelRemoteTask(String cid) {
        cancelRemoteTask(cid, rt.teardown().cancelAckWait());
    }

    /** {@link #cancelRemoteTask(String)} waiting at most {@code wait} for the acknowledgement. */
    void cancelRemoteTask(String cid, Duration wait) {
        try {
            CancelScope.runShielded(s -> {
                s.deadline(tractor.sc.Sc.deadlineAfter(wait));
                dialog(selfStart("_cancel_task", Map.of("cid", cid)));
            });
        } catch (Exception | Cancelled e) {
            Log.debug(rt, "cancel of remote task " + cid + " not confirmed: " + e);
        }
    }

    private Msg.Start selfStart(String func, Map<String, Object> kwargs) {
        return new Msg.Start(newCid(), "self", func, rt.payloadCodec().encode(kwargs), rt.wireUid());
    }

    /** A runtime call on the peer, answered by a {@code Return}; returns its decoded payload. */
    Object callSelf(String func, Map<String, Object> kwargs) {
        Msg reply = dialog(selfStart(func, kwargs));
        if (reply instanceof Msg.Return r) return rt.payloadCodec().decode(r.pld());
        throw unexpected(reply);
    }

    @Override
    public tractor.Context openContext(Endpoint endpoint, boolean allowOverruns, Object... args) {
        if (channel.peerUid().equals(rt.wireUid())) {
            throw new tractor.RuntimeFailure("can not open a context with the local actor " + rt.uid() + " itself");
        }
        String cid = newCid();
        ContextImpl ctx = new ContextImpl(rt, channel, cid, tractor.Context.Side.PARENT, allowOverruns);
        ctx.spec(PayloadSpecs.of(endpoint, args.length));
        Msg.Start start = new Msg.Start(cid, endpoint.className(), endpoint.methodName(), Args.encode(ctx.codec, args), rt.wireUid());
        return openDialog(ctx, start, () -> {
            ctx.jfr = JfrEvents.contextOpened(ctx, endpoint.className() + "#" + endpoint.methodName());
            ctx.awaitStarted(ContextImpl.target(endpoint.className(), endpoint.methodName()));
            ctx.bindToCaller();
            return ctx;
        });
    }

    /**
     * Registers {@code ctx} for {@code start}'s dialog, sends it and runs the opening {@code handshake};
     * when that fails the dialog is released (and, on a cancellation, the far task cancelled).
     */
    private <T> T openDialog(ContextImpl ctx, Msg.Start start, java.util.function.Supplier<T> handshake) {
        channel.register(start.cid(), ctx);
        try {
            channel.send(start);
            return handshake.get();
        } catch (Cancelled c) {
            cancelRemoteTask(start.cid());
            channel.unregister(start.cid());
            throw c;
        } catch (RuntimeException | Error e) {
            channel.unregister(start.cid());
            throw e;
        }
    }

    @Override
    public tractor.MsgStream openStreamFrom(Endpoint endpoint, Object... args) {
        checkStreaming(endpoint, args.length);
        String cid = newCid();
        ContextImpl ctx = new ContextImpl(rt, channel, cid, tractor.Context.Side.PARENT, true);
        Msg.Start start = new Msg.Start(cid, endpoint.className(), endpoint.methodName(), Args.encodeStream(ctx.codec, args), rt.wireUid());
        return openDialog(ctx, start, () -> {
            Msg ack = ctx.inbox.take();
            if (ack instanceof Msg.Error e) throw ctx.record(ErrorBox.unpack(e));
            if (!(ack instanceof Msg.StartAck a) || !"asyncgen".equals(a.functype())) {
                throw new IllegalStateException("protocol error: " + ack.msgType() + " instead of StartAck(asyncgen) for " + endpoint);
            }
            return new OneWayStream(ctx);
        });
    }

    @Override
    public Object withContext(Endpoint endpoint, boolean allowOverruns, tractor.Context.Body body, Object... args) throws Exception {
        ContextImpl ctx = (ContextImpl) openContext(endpoint, allowOverruns, args);
        Throwable failed = null;
        try {
            CancelScope scope = CancelScope.run(sc -> {
                ctx.bindScope(sc); // a remote error cancels the body
                body.run(ctx);
            });
            tractor.RemoteActorError remote = ctx.maybeRemoteError();
            if (scope.cancelledCaught() && remote != null && !ctx.isSelfCancelAck(remote)) throw ctx.raised(remote);
            return ctx.waitForResult();
        } catch (tractor.ContextCancelled cc) {
            failed = cc;
            if (ctx.isSelfCancelAck(cc)) {
                failed = null;
                return cc;
            }
            throw cc; // a cancellation someone else asked for: raised, the peer is not cancelled again
        } catch (Throwable t) {
            failed = t;
            tractor.RemoteActorError remote = ctx.maybeRemoteError();
            if (remote == null) ctx.cancel(); // this side failed: cancel the far task
            else if (!ctx.isSelfCancelAck(remote) && t instanceof Cancelled) throw ctx.raised(remote); // a real error beats a cancel
            throw t;
        } finally {
            try {
                ctx.closeQuietly();
            } catch (RuntimeException e) {
                if (failed != null) failed.addSuppressed(e);
                else throw e;
            }
        }
    }

    /** Refuses, before anything is sent, a target that is loadable here and cannot stream (tractor's TypeError). */
    private static void checkStreaming(Endpoint e, int argc) {
        Class<?> c;
        try {
            c = Class.forName(e.className(), false, PortalImpl.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError notHere) {
            return; // the peer decides
        }
        boolean any = false;
        for (Method m : c.getMethods()) {
            if (!m.getName().equals(e.methodName()) || m.getParameterCount() != argc + Invoker.supplied(m)) continue;
            any = true;
            if (Invoker.isStreaming(m) && !Invoker.isContext(m)) return;
        }
        if (any) {
            throw new IllegalArgumentException(e + " is not a streaming endpoint: it must return a Stream, Iterable or Iterator, "
                    + "or take an Emitter first");
        }
    }

    @Override
    public Object result() {
        if (result == null) throw new IllegalStateException("actor " + peer() + " was not started by runInActor: it has no result");
        try {
            return Waits.await(result);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Exception e) {
            throw new TractorException("result of " + peer() + " failed", e);
        }
    }

    @Override
    public String dumpActor() {
        return String.valueOf(callSelf("dump", Map.of()));
    }

    @Override
    public boolean cancelActor() {
        return cancelActor(rt.teardown().cancelAckWait());
    }

    boolean cancelActor(Duration wait) {
        JfrEvents.cancelRequested(rt, "sent", "actor " + channel.peerUid().name(), rt.uid().name());
        boolean[] acked = {false};
        try {
            CancelScope.runShielded(s -> {
                s.deadline(tractor.sc.Sc.deadlineAfter(wait));
                acked[0] = dialog(selfStart("cancel", Map.of())) instanceof Msg.CancelAck a && a.pld();
            });
        } catch (TransportClosed | ClosedResourceException | RemoteActorError e) {
            return false;
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Exception e) {
            throw new TractorException("cancelActor failed", e);
        }
        return acked[0];
    }

    @Override
    public boolean cancelActorOrFail() {
        if (cancelActor()) return true;
        if (!channel.isOpen()) return false;
        throw new ActorTooSlowError("actor " + peer() + " did not acknowledge the cancel request within "
                + rt.teardown().cancelAckWait());
    }

    @Override
    public String toString() {
        return "portal to " + channel.describePeer();
    }
}
