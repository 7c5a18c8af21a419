package tractor.transport.spi;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import tractor.TransportClosed;

/**
 * The body of a channel's reader thread: reads the non-blocking socket through a 64 KiB buffer, waiting
 * in its own selector, checks each length against the limit before allocating, and queues bodies in the
 * {@link Inbox}. It runs on a platform thread that nobody but the channel touches.
 */
final class FrameReader implements Runnable {
    private final SocketChannel socket;
    private final Selector selector;
    private final Inbox inbox;
    private final FrameChannelImpl channel;
    private final int maxFrameSize;
    private final ByteBuffer buf = ByteBuffer.allocateDirect(64 * 1024).order(ByteOrder.LITTLE_ENDIAN).flip();
    /** Whether the last read found the socket drained (it did not fill the buffer). */
    private boolean drained;

    FrameReader(SocketChannel socket, Inbox inbox, FrameChannelImpl channel, int maxFrameSize) throws IOException {
        this.socket = socket;
        this.inbox = inbox;
        this.channel = channel;
        this.maxFrameSize = maxFrameSize;
        this.selector = Selector.open();
        socket.register(selector, SelectionKey.OP_READ);
    }

    /** Wakes the reader so that it sees the channel closed. */
    void wakeup() {
        selector.wakeup();
    }

    @Override
    public void run() {
        try (selector) {
            if (!channel.authenticate()) return;
            while (readFrame()) {
                // next frame
            }
        } catch (EOFException e) {
            channel.broken(new TransportClosed("peer " + channel.remoteAddress() + " closed the connection in the middle of a frame", e));
        } catch (TransportClosed e) {
            channel.broken(e);
        } catch (IOException | RuntimeException e) {
            if (!channel.closedByUs()) channel.broken(new TransportClosed("connection to " + channel.remoteAddress() + " broke: " + e, e));
        } catch (InterruptedException e) {
            // only the channel's close ends us this way; nothing to report
        }
    }

    /** Reads and queues one frame; false when the stream ended cleanly or the channel was closed. */
    private boolean readFrame() throws IOException, InterruptedException {
        if (!fill(4, true)) {
            if (!channel.closedByUs()) inbox.fail(new TransportClosed("peer closed the connection (" + channel.remoteAddress() + ")"));
            return false;
        }
        long len = Integer.toUnsignedLong(buf.getInt());
        if (len > maxFrameSize) {
            throw new TransportClosed("peer " + channel.remoteAddress() + " sent a frame of " + len
                    + " bytes, over the maximum frame size of " + maxFrameSize + " bytes", new IOException("frame too large"));
        }
        byte[] body = new byte[(int) len];
        readBody(body);
        return inbox.put(body);
    }

    private void readBody(byte[] body) throws IOException {
        int have = Math.min(buf.remaining(), body.length);
        buf.get(body, 0, have);
        ByteBuffer rest = ByteBuffer.wrap(body, have, body.length - have);
        while (rest.hasRemaining()) {
            if (rest.remaining() < buf.capacity()) {
                fill(rest.remaining(), false);
                int n = rest.remaining();
                rest.put(rest.position(), buf, buf.position(), n);
                buf.position(buf.position() + n);
                rest.position(rest.limit());
            } else if (readSome(rest) < 0) {
                throw new EOFException("end of stream with " + rest.remaining() + " of " + body.length + " body bytes missing");
            }
        }
    }

    /**
     * Makes at least {@code n} bytes available in {@code buf}. Returns false on a clean end of stream
     * before any byte when {@code atFrameStart}; throws EOFException on an end of stream mid-frame.
     */
    private boolean fill(int n, boolean atFrameStart) throws IOException {
        while (buf.remaining() < n) {
            buf.compact();
            int r;
            try {
                r = readSome(buf);
            } finally {
                buf.flip();
            }
            if (r < 0) {
                if (atFrameStart && !buf.hasRemaining()) return false;
                throw new EOFException("end of stream with " + (n - buf.remaining()) + " of " + n + " bytes missing");
            }
        }
        return true;
    }

    /**
     * One read that waits in the selector while nothing is there; -1 at end of stream. When the last
     * read left room in its buffer the socket was drained then, so this waits in the selector first
     * instead of paying for a read that would return nothing (the selector is level-triggered: it
     * returns at once if bytes are already there).
     */
    private int readSome(ByteBuffer dst) throws IOException {
        if (drained) {
            drained = false;
            if (channel.closedByUs()) throw new java.nio.channels.AsynchronousCloseException();
            selector.select();
            selector.selectedKeys().clear();
        }
        while (true) {
            if (channel.closedByUs()) throw new java.nio.channels.AsynchronousCloseException();
            int room = dst.remaining();
            int r = socket.read(dst);
            if (r != 0) {
                drained = r > 0 && r < room;
                return r;
            }
            selector.select();
            selector.selectedKeys().clear();
        }
    }

    @Override
    public String toString() {
        return "FrameReader[" + channel.remoteAddress() + ", " + buf.remaining() + " bytes buffered]";
    }
}
