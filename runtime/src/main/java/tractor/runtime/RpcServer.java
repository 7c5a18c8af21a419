package tractor.runtime;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tractor.sc.CancelScope;
import tractor.sc.Cancelled;

/**
 * Serves the {@code Start}s peers send: user endpoints (only public static methods of enabled classes)
 * and the runtime's own {@code self} calls (actor cancel, task cancel, the registry). Every call runs as
 * a task of the actor's service nursery, so a slow cancel never blocks a channel's msg loop.
 *
 * <p>Grammar: {@code Start → StartAck → Return | Error}. A task cancelled by request answers an
 * {@code Error} boxing {@link tractor.ContextCancelled} naming the requester (tractor sends nothing
 * there, leaving the caller waiting; see the README).
 */
final class RpcServer {
    private final ActorRuntime rt;
    private final Map<String, RpcTask> tasks = new ConcurrentHashMap<>();

    RpcServer(ActorRuntime rt) {
        this.rt = rt;
    }

    private static String key(Channel ch, String cid) {
        return System.identityHashCode(ch) + "/" + cid;
    }

    /** The fallback of every channel's msg loop: msgs of no open dialog. */
    void onMsg(Channel ch, Msg msg) {
        if (msg instanceof Msg.Start s) {
            onStart(ch, s);
        } else if (!(msg instanceof Msg.Stop)) {
            Log.debug(rt, "dropped " + msg.msgType() + " for no open dialog from " + ch.describePeer());
        }
    }

    private void onStart(Channel ch, Msg.Start s) {
        if (!s.uid().equals(ch.peerUid())) {
            sendSoon(ch, ErrorBox.pack(new IllegalStateException("Start from " + ch.describePeer() + " claims to come from "
                    + s.uid()), rt.wireUid(), s.cid()));
            return;
        }
        if (Log.enabled(Log.Chan.RUNTIME, rt)) Log.runtime(rt, "Start " + s.ns() + "#" + s.func() + " cid " + s.cid() + " from " + ch.describePeer());
        RpcTask task = new RpcTask(ch, s.cid(), s.ns() + "#" + s.func());
        tasks.put(key(ch, s.cid()), task);
        try {
            rt.service().startSoon("rpc " + s.func(), () -> {
                try {
                    if ("self".equals(s.ns())) new SelfCalls(rt, this).serve(ch, s, task);
                    else userCall(ch, s, task);
                } finally {
                    if (Log.enabled(Log.Chan.RUNTIME, rt)) Log.runtime(rt, "task " + s.ns() + "#" + s.func() + " cid " + s.cid() + " ended");
                    tasks.remove(key(ch, s.cid()));
                    task.done.set();
                }
            });
        } catch (IllegalStateException closed) {
            tasks.remove(key(ch, s.cid()));
            sendSoon(ch, ErrorBox.cancelled(rt.wireUid(), rt.wireUid(), s.cid(), "actor " + rt.uid() + " is shutting down"));
        }
    }

    private void userCall(Channel ch, Msg.Start s, RpcTask task) throws Exception {
        PayloadCodec pc = rt.payloadCodec();
        Method m;
        Object[] args;
        boolean stream;
        try {
            Args.Call call = Args.read(pc, s.kwargs());
            stream = call.stream();
            m = rt.invoker().resolve(s.ns(), s.func(), call.args().size());
            checkKind(m, stream, s);
            args = Args.decode(pc, call.args(), m, Invoker.supplied(m));
        } catch (Exception | LinkageError e) {
            send(ch, ErrorBox.pack(e, rt.wireUid(), s.cid()));
            return;
        }
        if (stream) {
            new StreamCall(rt, this).serve(ch, s, task, m, args);
            return;
        }
        if (Invoker.isContext(m)) {
            new ContextCall(rt, this).serve(ch, s, task, m, args);
            return;
        }
        send(ch, new Msg.StartAck(s.cid(), "asyncfunc"));
        Object[] result = new Object[1];
        try {
            CancelScope scope = CancelScope.run(sc -> {
                task.bind(sc);
                result[0] = invoke(m, args);
            });
            if (scope.cancelledCaught()) {
                send(ch, cancelledMsg(task, s.cid()));
                return;
            }
        } catch (Cancelled c) {
            send(ch, cancelledMsg(task, s.cid()));
            throw c;
        } catch (Exception | Error e) {
            rt.debug().crashed(e);
            send(ch, ErrorBox.pack(e, rt.wireUid(), s.cid()));
            return;
        }
        Msg reply;
        try {
            reply = new Msg.Return(s.cid(), pc.encode(result[0]));
        } catch (MsgEncodeException e) {
            reply = ErrorBox.pack(e, rt.wireUid(), s.cid());
        }
        send(ch, reply);
    }

    /** Refuses a call whose kind (call, context, one-way stream) does not fit the method's shape. */
    private static void checkKind(Method m, boolean stream, Msg.Start s) {
        String what = s.ns() + "#" + s.func();
        if (stream && (!Invoker.isStreaming(m) || Invoker.isContext(m))) {
            throw new IllegalArgumentException(what + " is not a streaming endpoint: it must return a Stream, Iterable or Iterator, "
                    + "or take an Emitter first");
        }
        if (!stream && !Invoker.isContext(m) && (Invoker.takesEmitter(m) || java.util.stream.BaseStream.class.isAssignableFrom(m.getReturnType())
                || java.util.Iterator.class.isAssignableFrom(m.getReturnType()))) {
            throw new IllegalArgumentException(what + " is a streaming endpoint: open it with openStreamFrom");
        }
    }

    Msg.Error cancelledMsg(RpcTask task, String cid) {
        Uid by = task.canceller() != null ? task.canceller() : rt.cancelRequester();
        return ErrorBox.cancelled(rt.wireUid(), by, cid, task.what + " in actor " + rt.uid() + " was cancelled"
                + (by == null ? "" : " by " + by.name()));
    }

    static Object invoke(Method m, Object[] args) throws Exception {
        try {
            return m.invoke(null, args);
        } catch (InvocationTargetException e) {
            Throwable c = e.getCause();
            if (c instanceof Exception x) throw x;
            if (c instanceof Error x) throw x;
            throw e;
        }
    }

    /** Sends a reply; a peer gone meanwhile is not an error of this actor. */
    void send(Channel ch, Msg msg) {
        try {
            ch.send(msg);
        } catch (RuntimeException e) {
            Log.debug(rt, "could not reply " + msg.msgType() + " to " + ch.describePeer() + ": " + e.getMessage());
        }
    }

    /** Replies from the msg loop without blocking it (a send may wait for socket space): on a thread of its own. */
    private void sendSoon(Channel ch, Msg msg) {
        ch.sendSoon(msg, e -> Log.debug(rt, "could not reply " + msg.msgType() + " to " + ch.describePeer() + ": " + e.getMessage()));
    }

    /** Cancels the task of dialog {@code cid} on {@code ch} and waits (at most {@code wait}) for it to end. */
    boolean cancelTask(Channel ch, String cid, Uid by, Duration wait) throws Exception {
        RpcTask t = tasks.get(key(ch, cid));
        if (t == null) return true;
        t.cancel(by);
        CancelScope.moveOnAfter(wait, s -> t.done.await());
        return t.done.isSet();
    }

    /** Cancels every task except {@code keep} and waits for them (at most {@code wait}). */
    void cancelAll(Uid by, RpcTask keep, Duration wait) throws Exception {
        List<RpcTask> all = tasks.values().stream().filter(t -> t != keep).toList();
        all.forEach(t -> t.cancel(by));
        CancelScope.moveOnAfter(wait, s -> {
            for (RpcTask t : all) t.done.await();
        });
    }

    /** Waits at most {@code wait} until no task runs (cancelled ones send their last reply meanwhile). */
    void awaitIdle(Duration wait) {
        try {
            CancelScope.runShielded(s -> {
                s.deadline(tractor.sc.Sc.deadlineAfter(wait));
                for (RpcTask t : List.copyOf(tasks.values())) t.done.await();
            });
        } catch (Exception e) {
            Log.debug(rt, "tasks still running at close: " + tasks.values());
        }
    }

    /** Cancels every task started through {@code ch} (its peer is gone). */
    /** Cancels the tasks run for peer {@code ch}; returns how many. */
    int cancelTasksOf(Channel ch) {
        List<RpcTask> of = tasks.values().stream().filter(t -> t.channel == ch).toList();
        of.forEach(t -> t.cancel(rt.wireUid()));
        return of.size();
    }
}
