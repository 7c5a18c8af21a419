package tractor.runtime;

import tractor.TransportClosed;

/**
 * Where a {@link Channel}'s msg loop delivers the msgs of one dialog (one {@code cid}). Called on the
 * loop's thread: implementations never block (they queue, or record an overrun).
 */
interface MsgSink {
    /** One msg of this dialog, in arrival order. */
    void deliver(Msg msg);

    /** The channel is gone: no further msg will come. Called at most once, after the last delivery. */
    void fail(TransportClosed cause);
}
