package tractor.runtime;

import java.util.Iterator;
import tractor.MsgStream;
import tractor.sc.CancelScope;

/**
 * The consumer side of a one-way stream ({@code Portal.openStreamFrom}). There are no consumer to
 * producer msgs. Closing it before the producer's end cancels the producer and waits (bounded by the
 * cancel-ack wait) for its {@code Stop}.
 */
final class OneWayStream implements MsgStream {
    private final ContextImpl ctx;
    private final MsgStreamImpl stream;
    private boolean closed;

    OneWayStream(ContextImpl ctx) {
        this.ctx = ctx;
        this.stream = new MsgStreamImpl(ctx, true);
    }

    @Override
    public void send(Object value) {
        throw new UnsupportedOperationException("a one-way stream (openStreamFrom) carries values from the producer only;"
                + " open a context for a bidirectional stream");
    }

    @Override public Object receive() { return stream.receive(); }

    @Override public <T> T receive(Class<T> type) { return stream.receive(type); }

    @Override public Object receiveNowait() { return stream.receiveNowait(); }

    @Override public boolean closed() { return closed || stream.closed(); }

    @Override public Iterator<Object> iterator() { return stream.iterator(); }

    @Override
    public MsgStream subscribe() {
        return stream.subscribe();
    }

    @Override
    public void close() {
        if (closed) return;
        closed = true;
        try {
            if (!stream.ended()) {
                ctx.cancel();
                CancelScope.runShielded(s -> {
                    s.deadline(tractor.sc.Sc.deadlineAfter(ctx.rt.teardown().cancelAckWait()));
                    while (!stream.ended()) {
                        try {
                            stream.receive();
                        } catch (tractor.sc.EndOfChannelException | tractor.RemoteActorError | tractor.StreamOverrun e) {
                            return;
                        }
                    }
                });
            }
        } catch (Exception e) {
            Log.debug(ctx.rt, "one-way stream " + ctx.cid() + " closed without the producer's end: " + e);
        } finally {
            ctx.ch.unregister(ctx.cid());
            ctx.inbox.close();
        }
    }

    @Override
    public String toString() {
        return "one-way " + stream;
    }
}
