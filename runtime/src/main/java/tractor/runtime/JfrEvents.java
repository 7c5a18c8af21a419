package tractor.runtime;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Enabled;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * The runtime's JFR events, category "tractor". All are enabled by default except the per-value
 * {@code tractor.StreamMsg}; stack traces are off (the events mark protocol points, not call sites).
 */
final class JfrEvents {
    private JfrEvents() {}

    @Category("tractor") @StackTrace(false)
    abstract static class ActorEvent extends Event {
        @Label("Actor") String actor;
        @Label("Actor uuid") String actorUid;

        void by(ActorRuntime rt) {
            actor = rt.uid().name();
            actorUid = rt.uid().uuid();
        }
    }

    @Name("tractor.ActorSpawned") @Label("Actor Spawned") @Description("A child actor connected back to its parent; the duration is the spawn time")
    static final class ActorSpawned extends ActorEvent {
        @Label("Child") String child;
        @Label("Child uuid") String childUid;
        @Label("Spawn backend") String backend;
    }

    @Name("tractor.ActorExited") @Label("Actor Exited") @Description("An actor's runtime ended; the duration is its lifetime")
    static final class ActorExited extends ActorEvent {
        @Label("Root") boolean root;
        @Label("Outcome") String outcome;
    }

    @Name("tractor.ContextOpened") @Label("Context Opened")
    static final class ContextOpened extends ActorEvent {
        @Label("Context id") String cid;
        @Label("Side") String side;
        @Label("Peer") String peer;
        @Label("Endpoint") String endpoint;
    }

    @Name("tractor.ContextClosed") @Label("Context Closed") @Description("A context ended; the duration is its lifetime on this side")
    static final class ContextClosed extends ActorEvent {
        @Label("Context id") String cid;
        @Label("Side") String side;
        @Label("Peer") String peer;
        @Label("Outcome") String outcome;
    }

    @Name("tractor.StreamOpened") @Label("Stream Opened")
    static final class StreamOpened extends ActorEvent {
        @Label("Context id") String cid;
        @Label("Side") String side;
        @Label("Kind") String kind;
    }

    @Name("tractor.StreamClosed") @Label("Stream Closed") @Description("A stream was closed by this side; the duration is its lifetime")
    static final class StreamClosed extends ActorEvent {
        @Label("Context id") String cid;
        @Label("Side") String side;
    }

    @Name("tractor.CancelRequested") @Label("Cancel Requested")
    static final class CancelRequested extends ActorEvent {
        @Label("Direction") @Description("sent (this actor asks) or received (a peer asks this actor)") String direction;
        @Label("Target") @Description("actor, or the cid of one context") String target;
        @Label("Requester") String requester;
    }

    @Name("tractor.StreamMsg") @Label("Stream Msg") @Enabled(false)
    @Description("One value sent or received over a stream: high rate, disabled by default")
    static final class StreamMsg extends ActorEvent {
        @Label("Context id") String cid;
        @Label("Direction") String direction;
    }

    static void cancelRequested(ActorRuntime rt, String direction, String target, String requester) {
        CancelRequested e = new CancelRequested();
        if (!e.shouldCommit()) return;
        e.by(rt);
        e.direction = direction;
        e.target = target;
        e.requester = requester;
        e.commit();
    }

    static void streamMsg(ContextImpl ctx, String direction) {
        StreamMsg e = new StreamMsg();
        if (!e.shouldCommit()) return;
        e.by(ctx.rt);
        e.cid = ctx.cid();
        e.direction = direction;
        e.commit();
    }

    static ContextClosed contextOpened(ContextImpl ctx, String endpoint) {
        ContextOpened e = new ContextOpened();
        if (e.shouldCommit()) {
            e.by(ctx.rt);
            e.cid = ctx.cid();
            e.side = ctx.side().name().toLowerCase(java.util.Locale.ROOT);
            e.peer = ctx.peer().name();
            e.endpoint = endpoint;
            e.commit();
        }
        ContextClosed closed = new ContextClosed();
        closed.begin();
        return closed;
    }

    static void contextClosed(ContextImpl ctx, ContextClosed e, String outcome) {
        if (e == null) return;
        e.end();
        if (!e.shouldCommit()) return;
        e.by(ctx.rt);
        e.cid = ctx.cid();
        e.side = ctx.side().name().toLowerCase(java.util.Locale.ROOT);
        e.peer = ctx.peer().name();
        e.outcome = outcome;
        e.commit();
    }

    static StreamClosed streamOpened(ContextImpl ctx, String kind) {
        StreamOpened e = new StreamOpened();
        if (e.shouldCommit()) {
            e.by(ctx.rt);
            e.cid = ctx.cid();
            e.side = ctx.side().name().toLowerCase(java.util.Locale.ROOT);
            e.kind = kind;
            e.commit();
        }
        StreamClosed closed = new StreamClosed();
        closed.begin();
        return closed;
    }

    static void streamClosed(ContextImpl ctx, StreamClosed e) {
        e.end();
        if (!e.shouldCommit()) return;
        e.by(ctx.rt);
        e.cid = ctx.cid();
        e.side = ctx.side().name().toLowerCase(java.util.Locale.ROOT);
        e.commit();
    }

    static void actorSpawned(ActorRuntime rt, ActorSpawned e, tractor.ActorId child, String backend) {
        e.end();
        if (!e.shouldCommit()) return;
        e.by(rt);
        e.child = child.name();
        e.childUid = child.uuid();
        e.backend = backend;
        e.commit();
    }

    static void actorExited(ActorRuntime rt, ActorExited e, Throwable failure) {
        e.end();
        if (!e.shouldCommit()) return;
        e.by(rt);
        e.root = rt.isRoot();
        e.outcome = failure == null ? "ended" : failure instanceof tractor.sc.Cancelled ? "cancelled" : "failed: " + failure;
        e.commit();
    }
}
