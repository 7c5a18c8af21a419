package tractor.transport.spi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import tractor.TransportClosed;

/**
 * The read side of one {@link FrameChannelImpl} on a shared {@link ReadLoop}: registers the channel's
 * non-blocking socket, and when the loop finds it readable reads into the loop's buffer, decodes frames
 * with its {@link FrameParser} and hands the bodies to the channel's {@link Inbox} (which passes them on
 * to a sink in push mode). It never blocks the loop: when the inbox's byte budget is spent it stops
 * reading (no read interest, the partial frame kept) until the receiver frees budget ({@link #resume}).
 *
 * <p>Every method but {@link #start}, {@link #stop} and {@link #resume} runs on the loop thread; those
 * three hand a task to it, so the reader's state has one owner and the end is reported exactly once.
 */
final class ChannelReader {
    /** Reads of a busy channel in one turn of the loop before the others get theirs. */
    private static final int READS_PER_TURN = 16;

    private final SocketChannel socket;
    private final FrameChannelImpl channel;
    private final Inbox inbox;
    private final FrameParser parser;
    private final ReadLoop loop;
    private SelectionKey key;
    private boolean paused;
    private boolean finished;

    ChannelReader(SocketChannel socket, FrameChannelImpl channel, Inbox inbox, int maxFrameSize, ReadLoop loop) {
        this.socket = socket;
        this.channel = channel;
        this.inbox = inbox;
        this.parser = new FrameParser(maxFrameSize, channel.remoteAddress());
        this.loop = loop;
    }

    /** Starts reading (any thread); the channel's socket is non-blocking. */
    void start() {
        loop.execute(this::register);
    }

    /**
     * Ends reading (any thread): the channel was closed ({@code why} null) or broke. Runs inline when the
     * loop cannot start a thread (no descriptor left for its selector; then no loop thread touches us).
     */
    void stop(TransportClosed why) {
        try {
            loop.execute(() -> finish(why));
        } catch (UncheckedIOException e) {
            finish(why);
        }
    }

    /** The receiver freed inbox budget, or the channel switched to push mode (any thread): read again. */
    void resume() {
        loop.execute(() -> {
            if (finished || !paused) return;
            paused = false;
            if (key.isValid()) key.interestOps(SelectionKey.OP_READ); // else closed meanwhile: its stop task follows
        });
    }

    private void register() {
        if (finished) return;
        try {
            key = loop.register(socket, this);
        } catch (IOException | RuntimeException e) {
            fail(e);
        }
    }

    /** The socket is readable: reads what it has, a bounded number of times; never blocks. */
    void readable(ByteBuffer buf) {
        try {
            for (int i = 0; i < READS_PER_TURN && !paused && !finished; i++) {
                buf.clear();
                int n = socket.read(buf);
                if (n < 0) {
                    endOfStream();
                    return;
                }
                if (n == 0) return;
                parser.feed(buf.flip(), this::deliver);
                if (n < buf.capacity()) return; // drained: the selector tells when more comes
            }
        } catch (TransportClosed e) {
            channel.broken(e);
            finish(channel.failure());
        } catch (IOException | RuntimeException e) {
            fail(e);
        }
    }

    private void deliver(byte[] body) {
        if (inbox.offer(body) || paused || finished) return;
        paused = true;
        key.interestOps(0);
    }

    private void endOfStream() {
        TransportClosed midFrame = parser.endOfStream();
        if (midFrame != null) {
            channel.broken(midFrame);
            finish(channel.failure());
        } else {
            finish(channel.closedByUs() ? null : new TransportClosed("peer closed the connection (" + channel.remoteAddress() + ")"));
        }
    }

    /** A read or registration failed: the connection broke, unless this side closed it. */
    private void fail(Exception e) {
        if (channel.closedByUs()) {
            finish(null);
            return;
        }
        channel.broken(new TransportClosed("connection to " + channel.remoteAddress() + " broke: " + e, e));
        finish(channel.failure());
    }

    /** Stops reading for good and reports the end to the inbox (and so to a sink) once. */
    private void finish(TransportClosed why) {
        if (finished) return;
        finished = true;
        if (key != null) loop.deregister(key);
        inbox.end(why);
    }

    @Override
    public String toString() {
        return "ChannelReader[" + channel.remoteAddress() + (finished ? ", finished" : paused ? ", paused" : "") + ", " + parser + "]";
    }
}
