package tractor.transport.spi;

import tractor.TransportClosed;

/**
 * Where a channel in push mode ({@link FrameChannel#deliverTo}) hands its frames: the reader calls
 * {@link #frame} for each body, in arrival order and one call at a time, then {@link #end} exactly once.
 *
 * <p>The calls run on the channel's reader, which serves other channels too: a sink must not block (no
 * waiting for locks held across I/O, no sends that can wait for socket space). It queues the body and
 * returns. A sink that throws ends the channel: the channel breaks with {@link TransportClosed} naming the
 * exception, and {@link #end} follows.
 */
public interface FrameSink {
    /** One frame's body; the array belongs to the sink. */
    void frame(byte[] body);

    /**
     * The stream ended; no frame follows.
     *
     * @param failure why the peer or the network ended it ({@link TransportClosed}), or null when this side
     *                closed the channel
     */
    void end(TransportClosed failure);
}
