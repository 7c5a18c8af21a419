package tractor.runtime;

import java.lang.reflect.Method;
import tractor.Context;
import tractor.sc.CancelScope;
import tractor.sc.Cancelled;

/**
 * The child side of a context: runs the endpoint with its {@link ContextImpl} first, in a cancel scope
 * the parent's cancel (or an error it relays) cancels. Grammar: {@code StartAck(context) → Started →
 * [Yield ⇄ Yield, Stop ⇄ Stop] → Return | Error}. A cancellation answers {@code Error(ContextCancelled)}
 * naming who asked (this actor itself when the endpoint called {@code ctx.cancel()}); a real error beats
 * a cancellation.
 */
final class ContextCall {
    private final ActorRuntime rt;
    private final RpcServer server;

    ContextCall(ActorRuntime rt, RpcServer server) {
        this.rt = rt;
        this.server = server;
    }

    void serve(Channel ch, Msg.Start s, RpcTask task, Method m, Object[] args) throws Exception {
        ContextImpl ctx = new ContextImpl(rt, ch, s.cid(), Context.Side.CHILD, false);
        ctx.spec(PayloadSpecs.of(m));
        ch.register(s.cid(), ctx);
        Object[] full = new Object[args.length + 1];
        full[0] = ctx;
        System.arraycopy(args, 0, full, 1, args.length);
        Object[] result = new Object[1];
        ContextImpl.CURRENT.set(ctx);
        ctx.jfr = JfrEvents.contextOpened(ctx, s.ns() + "#" + s.func());
        String outcome = "cancelled";
        try {
            server.send(ch, new Msg.StartAck(s.cid(), "context"));
            CancelScope scope = CancelScope.run(sc -> {
                task.bind(sc);
                ctx.bindScope(sc);
                result[0] = RpcServer.invoke(m, full);
            });
            if (scope.cancelledCaught()) {
                server.send(ch, cancelled(ctx, task, s.cid()));
                return;
            }
            if (ctx.stream() != null) ctx.stream().sendStop();
            reply(ch, ctx, s.cid(), result[0]);
            outcome = "result";
        } catch (Cancelled c) {
            server.send(ch, cancelled(ctx, task, s.cid()));
            throw c;
        } catch (Exception | Error e) {
            ctx.setLocalError(e);
            rt.debug().crashed(e);
            outcome = "error " + e.getClass().getName();
            server.send(ch, ErrorBox.pack(e, rt.wireUid(), s.cid()));
        } finally {
            ContextImpl.CURRENT.remove();
            ch.unregister(s.cid());
            ctx.inbox.close();
            JfrEvents.contextClosed(ctx, ctx.jfr, outcome);
        }
    }

    private void reply(Channel ch, ContextImpl ctx, String cid, Object value) {
        Msg reply;
        try {
            reply = new Msg.Return(cid, ctx.codec.encode(value));
        } catch (MsgEncodeException e) {
            reply = ErrorBox.pack(e, rt.wireUid(), cid);
        }
        server.send(ch, reply);
    }

    private Msg.Error cancelled(ContextImpl ctx, RpcTask task, String cid) {
        tractor.RemoteActorError remote = ctx.maybeRemoteError();
        if (remote != null && !(remote instanceof tractor.ContextCancelled)) {
            return ErrorBox.pack(remote, rt.wireUid(), cid); // cancelled by the peer's error: relay it
        }
        if (ctx.cancelCalled()) {
            return ErrorBox.cancelled(rt.wireUid(), rt.wireUid(), cid, "context " + cid + " cancelled itself in actor " + rt.uid());
        }
        return server.cancelledMsg(task, cid);
    }
}
