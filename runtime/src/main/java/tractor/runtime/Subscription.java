package tractor.runtime;

import java.util.Iterator;
import tractor.MsgStream;
import tractor.trionics.BroadcastReceiver;

/** One local subscriber of a {@link MsgStreamImpl}: receives through the broadcaster, sends through the stream. */
final class Subscription implements MsgStream {
    private final BroadcastReceiver<Object> rx;
    private final MsgStreamImpl stream;

    Subscription(BroadcastReceiver<Object> rx, MsgStreamImpl stream) {
        this.rx = rx;
        this.stream = stream;
    }

    @Override public void send(Object value) { stream.send(value); }

    @Override public Object receive() { return rx.receive(); }

    @Override public <T> T receive(Class<T> type) { return type.cast(rx.receive()); }

    @Override
    public Object receiveNowait() {
        throw new UnsupportedOperationException("receiveNowait is not offered by a broadcast subscription");
    }

    @Override public boolean closed() { return rx.isClosed() || stream.closed(); }

    @Override public void close() { rx.close(); }

    @Override public MsgStream subscribe() { return stream.subscribe(); }

    @Override public Iterator<Object> iterator() { return rx.iterator(); }

    @Override public String toString() { return "subscription to " + stream; }
}
