package tractor.transport.spi;

import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Optional;
import tractor.TransportClosed;

/**
 * A connection that carries frames: tractor's framing, a 4-byte little-endian unsigned length, then the
 * body (one msgpack value). The channel does the framing; callers pass and receive bodies only.
 *
 * {@snippet :
 * try (FrameChannel ch = Transports.get("tcp").connect(addr, TransportOptions.DEFAULTS)) {
 *     ch.send(body);
 *     byte[] reply = ch.receive();
 * }
 * }
 *
 * <h2>Threads</h2>
 * {@link #send} may be called from many threads at once: sends are serialized, and one frame's bytes are
 * never interleaved with another's. {@link #receive} is single-reader: a second receiver while one waits
 * gets {@link tractor.sc.BusyResourceException}.
 *
 * <h2>I/O ownership: interrupts never break a channel</h2>
 * Interrupting a thread blocked in I/O on an interruptible NIO channel closes the channel, and on
 * virtual threads {@code java.net.Socket} streams behave the same ("Closed by interrupt", checked on
 * JDK 25). tractor's cancel scopes deliver cancellation by interrupting threads, so a cancelled task
 * must never be able to close a channel shared with others. Implementations built by
 * {@link SocketFrameChannels} therefore:
 * <ul>
 * <li>put the socket in <b>non-blocking</b> mode: non-blocking reads and writes do not install the
 *     interrupt hook, so an interrupt of the calling thread cannot close the socket;</li>
 * <li>read on a <b>shared read loop</b>: a few platform daemon threads per JVM (two by default, one on a
 *     single CPU; system property {@code tractor.transport.readLoops}), each waiting in one {@link java.nio.channels.Selector}
 *     for all of its channels and never interrupted by anyone. A loop thread starts with the first channel
 *     and ends when its last channel ends. On readable it reads into its own buffer and decodes frames
 *     incrementally (each channel keeps only its partial frame), then hands the bodies to {@link #receive}
 *     through a small bounded inbox, or in push mode ({@link #deliverTo}) straight to the sink on the loop
 *     thread. Back-pressure never blocks the loop: a channel whose inbox budget is spent is no longer read
 *     (its peer's sends stall in the kernel buffers) until the receiver takes frames. A channel costs one
 *     descriptor and no thread of its own while idle. A shared-secret challenge runs first on a virtual
 *     thread of the channel; TLS channels keep two platform threads each;</li>
 * <li>write a sparse send on the <b>caller's thread</b> under a lock; sends that stream (closer than
 *     20 µs, or finding frames queued) are <b>written behind</b>: queued in a bounded per-channel buffer
 *     that one writer drains in one {@code write} per batch. When the socket buffer is full the writer
 *     waits in a write selector, which an interrupt only wakes. A send already writing finishes its
 *     frame before it returns (the interrupt status is restored afterwards); a send interrupted while
 *     waiting for the lock or for queue space gives up before anything of its frame is written or
 *     queued. A frame is never torn, and frames keep their send order.</li>
 * </ul>
 * Because of write-behind, a send may return before its bytes reached the socket: a connection that
 * breaks afterwards reports {@link tractor.TransportClosed} on a later send, receive or close, and
 * {@link #close()} and {@link #shutdownOutput()} first wait (bounded) for the queued frames.
 * A receive interrupted while waiting throws {@link InterruptedIOException}, leaves the channel open,
 * and loses no frame: a frame arriving later goes to the next receive.
 * <p>Cost, measured on the 2-core build machine under load ({@code transport-spi/README.md} has the
 * tables): a channel end costs one file descriptor and no thread of its own (2,000 open channel ends in
 * one JVM: 2,000 descriptors, the loop threads only). JVM to JVM
 * ({@code mvn -q -pl bench -am compile exec:exec -Dbench=ipc}) ping-pong measured 0.8–1.0× the unsafe
 * baseline of virtual threads blocking in {@code SocketChannel} I/O and 0.2× platform threads blocking in
 * {@code read} (within the machine's noise of the earlier per-channel reader threads); one-way 4–5 M
 * sends/s, 3.5–4.6× a blocking {@code write} per msg.
 *
 * <h2>Lifecycle</h2>
 * Open until {@link #close()} (by this side) or until the peer or the network breaks it. After close every
 * operation throws {@link tractor.sc.ClosedResourceException}; after a break, {@link tractor.TransportClosed}.
 */
public interface FrameChannel extends AutoCloseable {
    /** The address of this end. */
    Address localAddress();

    /** The address of the other end (for an accepted UDS connection: the listener's address). */
    Address remoteAddress();

    /** The largest body this channel sends or accepts, in bytes. */
    int maxFrameSize();

    /**
     * Sends one frame whose body is {@code body}.
     *
     * @throws IllegalArgumentException if the body is larger than {@link #maxFrameSize()}; nothing is sent
     * @throws tractor.sc.ClosedResourceException if this side closed the channel
     * @throws tractor.TransportClosed if the peer or the network broke the connection (cause chained)
     * @throws InterruptedIOException if the thread was interrupted while waiting for another sender;
     *     nothing of this frame was written
     */
    default void send(byte[] body) throws InterruptedIOException {
        send(ByteBuffer.wrap(body));
    }

    /**
     * Sends one frame whose body is the remaining bytes of {@code body}; the buffer's position is advanced.
     *
     * @throws IllegalArgumentException if the body is larger than {@link #maxFrameSize()}; nothing is sent
     * @throws tractor.sc.ClosedResourceException if this side closed the channel
     * @throws tractor.TransportClosed if the peer or the network broke the connection (cause chained)
     * @throws InterruptedIOException if the thread was interrupted while waiting for another sender;
     *     nothing of this frame was written
     */
    void send(ByteBuffer body) throws InterruptedIOException;

    /**
     * Receives the body of the next frame, waiting as long as it takes.
     *
     * @throws tractor.sc.ClosedResourceException if this side closed the channel, before or during the wait
     * @throws tractor.TransportClosed "peer closed the connection" on a clean end of stream between
     *     frames; on a reset, an end of stream inside a frame, or an oversized frame length (the message
     *     names the peer and the sizes) the cause is chained and the channel is closed
     * @throws tractor.sc.BusyResourceException if another thread is already receiving
     * @throws InterruptedIOException if the thread is interrupted while waiting; the channel stays open
     */
    byte[] receive() throws InterruptedIOException;

    /**
     * Like {@link #receive()}, waiting at most {@code timeout}.
     *
     * @return the body, or empty if no whole frame arrived in time
     * @throws tractor.sc.ClosedResourceException as for {@link #receive()}
     * @throws tractor.TransportClosed as for {@link #receive()}
     * @throws tractor.sc.BusyResourceException as for {@link #receive()}
     * @throws InterruptedIOException as for {@link #receive()}
     */
    Optional<byte[]> receive(Duration timeout) throws InterruptedIOException;

    /**
     * Switches the channel to push mode: frames not yet received, then every later frame, go to
     * {@code sink} instead of {@link #receive}, and the end of the stream to {@link FrameSink#end}. Frames
     * are delivered from the channel's reader without a hand-off to another thread; after this call
     * {@link #receive} throws {@link IllegalStateException}. Sending is unchanged.
     *
     * @implSpec The default runs a virtual thread that receives and delivers until the channel ends;
     * implementations with a reader of their own deliver from it.
     * @throws IllegalStateException if the channel is already in push mode, or a receive is waiting
     */
    default void deliverTo(FrameSink sink) {
        java.util.Objects.requireNonNull(sink, "sink");
        Thread.ofVirtual().name("frame-sink " + remoteAddress()).start(() -> {
            TransportClosed end = null;
            try {
                while (true) sink.frame(receive());
            } catch (TransportClosed e) {
                end = e;
            } catch (tractor.sc.ClosedResourceException e) {
                end = null;
            } catch (InterruptedIOException | RuntimeException e) {
                end = new TransportClosed("delivering frames from " + remoteAddress() + " failed: " + e, e);
                close();
            }
            sink.end(end);
        });
    }

    /**
     * Half-closes: after the frames already sent, the peer sees a clean end of stream; receiving goes on.
     *
     * @throws tractor.sc.ClosedResourceException if this side closed the channel
     * @throws tractor.TransportClosed if the connection is broken
     * @throws InterruptedIOException if interrupted while waiting for a sender to finish
     */
    void shutdownOutput() throws InterruptedIOException;

    /** Whether {@link #close()} has been called or the connection broke. */
    boolean isOpen();

    /**
     * Closes the connection and releases the socket (and its place in the read loop). Idempotent, never
     * throws; a waiting receive ends promptly with {@link tractor.sc.ClosedResourceException}, a sink gets
     * {@link FrameSink#end} with null.
     */
    @Override
    void close();
}
