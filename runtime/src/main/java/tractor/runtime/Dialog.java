package tractor.runtime;

import tractor.TransportClosed;
import tractor.sc.EndOfChannelException;
import tractor.sc.MemoryChannel;
import tractor.sc.Sc;
import tractor.sc.WouldBlockException;

/**
 * The local end of one dialog ({@code cid}): the msg loop queues the dialog's msgs here, the task
 * that owns the dialog takes them with {@link #receive()}, a checkpoint. When the channel breaks, the
 * owner gets the {@link TransportClosed} after the msgs that came before it.
 */
final class Dialog implements MsgSink {
    /** How many msgs may wait in a dialog whose owner does not consume. */
    static final int CAPACITY = 1024;

    private final MemoryChannel<Object> queue = Sc.openMemoryChannel(CAPACITY);
    private volatile TransportClosed failure;

    @Override
    public void deliver(Msg msg) {
        try {
            queue.sender().sendNowait(msg);
        } catch (WouldBlockException e) {
            fail(new TransportClosed("dialog overrun: more than " + CAPACITY + " msgs queued for a task that does not consume them"));
        } catch (RuntimeException e) {
            // the owner left the dialog: late msgs are dropped
        }
    }

    @Override
    public void fail(TransportClosed cause) {
        failure = cause;
        queue.sender().close();
    }

    /**
     * The next msg of the dialog.
     *
     * @throws TransportClosed when the channel broke and every msg before the break was taken
     */
    Msg receive() {
        try {
            return (Msg) queue.receiver().receive();
        } catch (EndOfChannelException e) {
            TransportClosed f = failure;
            throw f != null ? new TransportClosed(f.getMessage(), f) : new TransportClosed("dialog ended");
        }
    }

    /** The owner leaves the dialog: later deliveries are dropped. */
    void close() {
        queue.receiver().close();
    }
}
