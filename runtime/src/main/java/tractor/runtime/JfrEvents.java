package tractor.runtime;

import java.util.Locale;
import jdk.jfr.Event;

/**
 * The runtime's JFR events, category "tractor", each with the actor's name and uuid. All are enabled by
 * default except the per-value {@code tractor.StreamMsg}; stack traces are off (the events mark
 * protocol points, not call sites). Duration events are begun where the thing starts and committed
 * where it ends.
 */
final class JfrEvents {
    private JfrEvents() {}

    static final JfrType ACTOR_SPAWNED = new JfrType("tractor.ActorSpawned", "Actor Spawned",
            "A child actor connected back to its parent; the duration is the spawn", true, "child", "childUid", "backend");
    static final JfrType ACTOR_EXITED = new JfrType("tractor.ActorExited", "Actor Exited",
            "An actor's runtime ended; the duration is its lifetime", true, "?root", "outcome");
    static final JfrType CONTEXT_OPENED = new JfrType("tractor.ContextOpened", "Context Opened",
            "A context opened on this side", true, "cid", "side", "peer", "endpoint");
    static final JfrType CONTEXT_CLOSED = new JfrType("tractor.ContextClosed", "Context Closed",
            "A context ended on this side; the duration is its lifetime", true, "cid", "side", "peer", "outcome");
    static final JfrType STREAM_OPENED = new JfrType("tractor.StreamOpened", "Stream Opened",
            "A stream of a context opened on this side", true, "cid", "side", "kind");
    static final JfrType STREAM_CLOSED = new JfrType("tractor.StreamClosed", "Stream Closed",
            "A stream was closed by this side; the duration is its lifetime", true, "cid", "side");
    static final JfrType CANCEL_REQUESTED = new JfrType("tractor.CancelRequested", "Cancel Requested",
            "An actor or a context was asked to cancel: sent by this actor or received by it", true, "direction", "target", "requester");
    static final JfrType STREAM_MSG = new JfrType("tractor.StreamMsg", "Stream Msg",
            "One value sent or received over a stream: high rate, disabled by default", false, "cid", "direction");

    /** Every type, in declaration order. */
    static final java.util.List<JfrType> ALL = java.util.List.of(ACTOR_SPAWNED, ACTOR_EXITED, CONTEXT_OPENED, CONTEXT_CLOSED,
            STREAM_OPENED, STREAM_CLOSED, CANCEL_REQUESTED, STREAM_MSG);

    static void cancelRequested(ActorRuntime rt, String direction, String target, String requester) {
        CANCEL_REQUESTED.now(rt, direction, target, requester);
    }

    static void streamMsg(ContextImpl ctx, String direction) {
        STREAM_MSG.now(ctx.rt, ctx.cid(), direction);
    }

    static Event contextOpened(ContextImpl ctx, String endpoint) {
        CONTEXT_OPENED.now(ctx.rt, ctx.cid(), side(ctx), ctx.peer().name(), endpoint);
        return CONTEXT_CLOSED.begin();
    }

    static void contextClosed(ContextImpl ctx, Event closed, String outcome) {
        if (closed != null) JfrType.commit(closed, ctx.rt, ctx.cid(), side(ctx), ctx.peer().name(), outcome);
    }

    static Event streamOpened(ContextImpl ctx, String kind) {
        STREAM_OPENED.now(ctx.rt, ctx.cid(), side(ctx), kind);
        return STREAM_CLOSED.begin();
    }

    static void streamClosed(ContextImpl ctx, Event closed) {
        JfrType.commit(closed, ctx.rt, ctx.cid(), side(ctx));
    }

    static void actorSpawned(ActorRuntime rt, Event spawned, tractor.ActorId child, String backend) {
        JfrType.commit(spawned, rt, child.name(), child.uuid(), backend);
    }

    static void actorExited(ActorRuntime rt, Event exited, Throwable failure) {
        String outcome = failure == null ? "ended" : failure instanceof tractor.sc.Cancelled ? "cancelled" : "failed: " + failure;
        JfrType.commit(exited, rt, rt.isRoot(), outcome);
    }

    private static String side(ContextImpl ctx) {
        return ctx.side().name().toLowerCase(Locale.ROOT);
    }
}
