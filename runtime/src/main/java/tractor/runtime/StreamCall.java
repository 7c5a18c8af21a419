package tractor.runtime;

import java.lang.reflect.Method;
import java.util.Iterator;
import java.util.stream.BaseStream;
import tractor.Context;
import tractor.Emitter;
import tractor.RemoteActorError;
import tractor.sc.CancelScope;
import tractor.sc.Cancelled;
import tractor.sc.Sc;

/**
 * The producer side of a one-way stream (tractor's async-generator dialog): {@code StartAck(asyncgen)
 * → Yield* → Stop | Error}. Each element the endpoint returns (a Stream, Iterator or Iterable) or
 * emits is one {@code Yield}; the end of the elements, or a cancellation by the consumer, is a
 * {@code Stop}; an error is an {@code Error}. Every element is a checkpoint, so a consumer that leaves
 * stops the producer at once. An overrun the consumer reports cancels the producer and is relayed.
 */
final class StreamCall {
    private final ActorRuntime rt;
    private final RpcServer server;

    StreamCall(ActorRuntime rt, RpcServer server) {
        this.rt = rt;
        this.server = server;
    }

    void serve(Channel ch, Msg.Start s, RpcTask task, Method m, Object[] args) throws Exception {
        ContextImpl ctx = new ContextImpl(rt, ch, s.cid(), Context.Side.CHILD, false); // inbound: the consumer's errors
        ch.register(s.cid(), ctx);
        try {
            server.send(ch, new Msg.StartAck(s.cid(), "asyncgen"));
            CancelScope scope = CancelScope.run(sc -> {
                task.bind(sc);
                ctx.bindScope(sc);
                produce(ch, s.cid(), ctx, m, args);
            });
            RemoteActorError remote = ctx.maybeRemoteError();
            if (scope.cancelledCaught() && remote != null && !(remote instanceof tractor.ContextCancelled)) {
                server.send(ch, ErrorBox.pack(remote, rt.wireUid(), s.cid()));
                return;
            }
            server.send(ch, new Msg.Stop(s.cid()));
        } catch (Cancelled c) {
            server.send(ch, new Msg.Stop(s.cid()));
            throw c;
        } catch (Exception | Error e) {
            rt.debug().crashed(e);
            server.send(ch, ErrorBox.pack(e, rt.wireUid(), s.cid()));
        } finally {
            ch.unregister(s.cid());
            ctx.inbox.close();
        }
    }

    private void produce(Channel ch, String cid, ContextImpl ctx, Method m, Object[] args) throws Exception {
        Credits credits = new Credits(ctx);
        Emitter out = value -> {
            Sc.checkpointIfCancelled();
            credits.take();
            ch.send(new Msg.Yield(cid, ctx.codec.encode(value)));
        };
        if (Invoker.takesEmitter(m)) {
            Object[] full = new Object[args.length + 1];
            full[0] = out;
            System.arraycopy(args, 0, full, 1, args.length);
            RpcServer.invoke(m, full);
            return;
        }
        Object r = RpcServer.invoke(m, args);
        if (r == null) return;
        if (r instanceof BaseStream<?, ?> st) {
            try (st) {
                drain(st.iterator(), out);
            }
        } else if (r instanceof Iterator<?> it) {
            drain(it, out);
        } else {
            drain(((Iterable<?>) r).iterator(), out);
        }
    }

    private static void drain(Iterator<?> it, Emitter out) {
        while (it.hasNext()) out.emit(it.next());
    }
}
