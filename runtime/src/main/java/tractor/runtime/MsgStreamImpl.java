package tractor.runtime;

import java.util.Iterator;
import tractor.MsgStream;
import tractor.RemoteActorError;
import tractor.TransportClosed;
import tractor.sc.ClosedResourceException;
import tractor.sc.EndOfChannelException;
import tractor.sc.Sc;
import tractor.sc.WouldBlockException;
import tractor.trionics.BroadcastReceiver;

/**
 * The stream phase of a {@link ContextImpl}: {@code Yield} msgs both ways, {@code Stop} for a graceful
 * end. A receive that meets the peer's final {@code Return} ends the stream and keeps the result for
 * {@code waitForResult()}; one that meets an {@code Error} raises it.
 */
final class MsgStreamImpl implements MsgStream {
    private final ContextImpl ctx;
    private volatile boolean closedHere;
    private volatile EndOfChannelException ended;

    /** Set for the consumer of a one-way stream: it grants the producer credit as it consumes. */
    private final Credits.Grants grants;
    private final jdk.jfr.Event jfr;

    MsgStreamImpl(ContextImpl ctx) {
        this(ctx, false);
    }

    MsgStreamImpl(ContextImpl ctx, boolean oneWayConsumer) {
        this.ctx = ctx;
        this.grants = oneWayConsumer ? new Credits.Grants() : null;
        this.jfr = JfrEvents.streamOpened(ctx, oneWayConsumer ? "one-way" : "context");
    }

    @Override
    public void send(Object value) {
        RemoteActorError e = ctx.maybeRemoteError();
        if (e != null && !ctx.isSelfCancelAck(e)) throw ctx.raised(e);
        if (closedHere) throw new EndOfChannelException("stream of context " + ctx.cid() + " was closed by this side");
        try {
            ctx.ch.send(new Msg.Yield(ctx.cid(), ctx.codec.encode(value)));
            JfrEvents.streamMsg(ctx, "sent");
        } catch (ClosedResourceException closed) {
            // this side closed the channel under the stream: to the stream's user the transport is gone
            TransportClosed t = new TransportClosed("the channel to " + ctx.peer() + " was closed by this actor",
                    new java.nio.channels.ClosedChannelException());
            t.addSuppressed(closed);
            throw t;
        }
    }

    /** Set by the first {@link #subscribe()}: from then on every receive goes through the broadcaster. */
    private volatile BroadcastReceiver<Object> broadcast;

    @Override
    public Object receive() {
        return receive(Object.class);
    }

    @Override
    public <T> T receive(Class<T> type) {
        BroadcastReceiver<Object> b = broadcast;
        if (b != null) return type.cast(b.receive());
        checkReadable();
        return type.cast(take(ctx.inbox.take(), ctx.payloadType(type)));
    }

    /** The receive the broadcaster pulls from. */
    private Object receiveDirect() {
        checkReadable();
        return take(ctx.inbox.take(), ctx.payloadType(Object.class));
    }

    @Override
    public synchronized MsgStream subscribe() {
        if (closedHere) throw new ClosedResourceException("stream of context " + ctx.cid() + " was closed by this side");
        if (broadcast == null) broadcast = BroadcastReceiver.of(this::receiveDirect, ContextInbox.BUFFER, true);
        return new Subscription(broadcast.subscribe(), this);
    }

    @Override
    public Object receiveNowait() {
        checkReadable();
        Msg m = ctx.inbox.poll();
        if (m == null) throw new WouldBlockException("no stream msg from " + ctx.peer() + " yet");
        return take(m, ctx.payloadType(Object.class));
    }

    private void checkReadable() {
        if (closedHere) throw new ClosedResourceException("stream of context " + ctx.cid() + " was closed by this side");
        EndOfChannelException end = ended;
        if (end != null) {
            RemoteActorError e = ctx.maybeRemoteError();
            if (e != null && !ctx.isSelfCancelAck(e)) throw ctx.raised(e);
            throw end;
        }
    }

    private Object take(Msg m, java.lang.reflect.Type type) {
        switch (m) {
            case Msg.Yield y -> {
                Object v = ctx.decodePayload(y.pld(), type);
                JfrEvents.streamMsg(ctx, "received");
                if (grants != null) grant(grants.consumed());
                return v;
            }
            case Msg.Stop s when s == ContextInbox.DROPPED -> throw new tractor.StreamOverrun("stream msgs from " + ctx.peer()
                    + " were dropped here: more than the buffer of " + ctx.inbox.limit() + " arrived before this task consumed them"
                    + (ctx.inbox.limit() > ContextInbox.BUFFER ? "" : " (open the context with allowOverruns to queue more)"));
            case Msg.Stop s -> throw end("the peer closed its stream");
            case Msg.Return r -> {
                ctx.stashReturn(r);
                throw end("the peer's task returned");
            }
            case Msg.Error e -> {
                ctx.onFinal(e);
                RemoteActorError err = ctx.maybeRemoteError();
                ended = new EndOfChannelException("the peer's task ended with " + err.boxedTypeName());
                if (ctx.isSelfCancelAck(err)) throw ended;
                throw ctx.raised(err);
            }
            default -> throw new IllegalStateException("protocol error: " + m.msgType() + " in the stream of " + ctx);
        }
    }

    private EndOfChannelException end(String why) {
        EndOfChannelException e = new EndOfChannelException(why);
        ended = e;
        return e;
    }

    private void grant(int n) {
        if (n == 0) return;
        try {
            ctx.ch.send(new Msg.Yield(ctx.cid(), ctx.codec.encode((long) n)));
        } catch (RuntimeException e) {
            // the producer is gone: the next receive reports how the stream ended
        }
    }

    /** Whether the peer ended the stream (Stop, Return or Error seen). */
    boolean ended() {
        return ended != null;
    }

    @Override
    public boolean closed() {
        return closedHere || ended != null || !ctx.ch.isOpen();
    }

    /**
     * Graceful close; idempotent. The parent side sends {@code Stop} at once, unless its task is being
     * cancelled. The child side sends it when its endpoint returns, right before its {@code Return}: Java's
     * {@code close()} cannot see an exception leaving the try block, and a child that fails must end the
     * parent's stream with its error, never with a graceful {@code Stop}.
     */
    @Override
    public void close() {
        if (closedHere) return;
        closedHere = true;
        JfrEvents.streamClosed(ctx, jfr);
        if (ctx.side() == tractor.Context.Side.CHILD || ContextImpl.callerCancelling()) return;
        sendStop();
    }

    /** Sends the graceful end of this side's stream. */
    void sendStop() {
        try {
            ctx.ch.send(new Msg.Stop(ctx.cid()));
        } catch (TransportClosed | ClosedResourceException e) {
            // the peer is gone: it needs no Stop
        }
    }

    @Override
    public Iterator<Object> iterator() {
        return Sc.iterate(this::receive);
    }

    @Override
    public String toString() {
        return "stream of " + ctx + (closed() ? " (closed)" : "");
    }
}
