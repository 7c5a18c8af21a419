package tractor.runtime;

import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import tractor.TransportClosed;
import tractor.sc.ClosedResourceException;
import tractor.sc.Sc;
import tractor.transport.spi.AuthenticationFailed;
import tractor.transport.spi.FrameChannel;
import tractor.transport.spi.FrameSink;
import tractor.transport.spi.TransportSecurity;

/**
 * One connection to a peer actor: tractor msgs over a {@link FrameChannel}, identified by the
 * {@code Aid} handshake, with many dialogs multiplexed over it by {@code cid}.
 *
 * <p><b>Threads.</b> {@link #send} is safe from many tasks (encoding and writing are serialized). The
 * msg loop ({@link #start}) decodes every frame where the frame channel delivers it (its reader, in push
 * mode) and routes it to the {@link MsgSink} registered for its {@code cid}; msgs of no registered dialog
 * go to the fallback (new {@code Start}s, late msgs of ended dialogs). Sinks and the fallback only queue:
 * the reader may serve other channels. The socket I/O itself belongs to the frame channel (see its javadoc):
 * a task cancelled while sending can never close the connection.
 *
 * <p><b>Liveness.</b> An idle channel sends a heartbeat frame every {@link ChannelOptions#heartbeatInterval()}
 * (a lone msgpack nil, which no msg can be: tractor itself has none, see the README); a peer from which
 * no whole frame arrived for {@link ChannelOptions#peerLostAfter()} is lost: the channel closes and every
 * registered dialog gets {@link TransportClosed} with the cause. A frame stalled half-way counts as silence.
 *
 * <p><b>Bad input.</b> A frame that does not decode closes this channel with an error naming the peer
 * and the reason; the actor's other channels are not affected.
 */
final class Channel implements AutoCloseable {
    private final FrameChannel frames;
    private final ChannelOptions options;
    private final MsgCodec encoder;
    private final MsgCodec decoder;
    private final ReentrantLock sendLock = new ReentrantLock();
    private final Map<String, MsgSink> dialogs = new ConcurrentHashMap<>();
    private final AtomicBoolean heartbeatInFlight = new AtomicBoolean();
    private volatile Msg.Aid peer;
    private volatile long lastReceived = System.nanoTime();
    private volatile long lastSent = System.nanoTime();
    private volatile TransportClosed failure;
    private volatile boolean closed;
    private ScheduledFuture<?> heartbeat;
    private final java.util.concurrent.CountDownLatch loopDone = new java.util.concurrent.CountDownLatch(1);

    Channel(FrameChannel frames, ChannelOptions options, CodecLimits limits) {
        this.frames = frames;
        this.options = options;
        this.encoder = new MsgCodec(limits, ExtRegistry.EMPTY);
        this.decoder = new MsgCodec(limits, ExtRegistry.EMPTY);
    }

    /** The peer's identity, once the handshake is done. */
    Msg.Aid peer() {
        return peer;
    }

    /** The address of the other end (for an accepted UDS connection: the listener's address). */
    tractor.transport.spi.Address remoteAddress() {
        return frames.remoteAddress();
    }

    /** The peer's identity as a uid, once the handshake is done. */
    Uid peerUid() {
        return peer.uid();
    }

    /**
     * Exchanges identities: sends {@code local}, then waits for the peer's {@code Aid}.
     *
     * @throws TransportClosed when the peer sends anything else, nothing within the handshake timeout, or
     *                         breaks the connection; the channel is then closed
     */
    Msg.Aid handshake(Msg.Aid local) {
        try {
            send(local);
            Optional<byte[]> body = receiveFrame(options.handshakeTimeout());
            if (body.isEmpty()) throw new TransportClosed("peer " + frames.remoteAddress() + " sent no actor handshake within " + options.handshakeTimeout());
            if (TransportSecurity.isAuthenticationFrame(body.get())) {
                throw new AuthenticationFailed("authentication with " + frames.remoteAddress() + " failed: the peer requires a shared secret"
                        + " and none is configured here (RootOptions.secret or secretFile, TRACTOR_SECRET or TRACTOR_SECRET_FILE)");
            }
            Msg m = decoder.decode(body.get());
            if (!(m instanceof Msg.Aid aid)) throw new TransportClosed("peer sent an invalid actor handshake: a " + m.msgType() + " msg instead of Aid");
            peer = aid;
            lastReceived = System.nanoTime();
            return aid;
        } catch (MsgDecodeException e) {
            close();
            throw new TransportClosed("peer " + frames.remoteAddress() + " sent an invalid actor handshake: " + e.getMessage(), e);
        } catch (RuntimeException | Error e) {
            close(); // a cancellation (an Error) too: a half-made channel never leaks
            throw e;
        }
    }

    /**
     * Receives one msg before the msg loop runs (a child's {@code SpawnSpec}).
     *
     * @throws TransportClosed when nothing decodable arrives within {@code timeout}; the channel is closed
     */
    Msg receiveOne(Duration timeout) {
        try {
            Optional<byte[]> body = receiveFrame(timeout);
            if (body.isEmpty()) throw new TransportClosed("nothing from " + describePeer() + " within " + timeout);
            lastReceived = System.nanoTime();
            return decoder.decode(body.get());
        } catch (MsgDecodeException e) {
            close();
            throw new TransportClosed("bad frame from " + describePeer() + ": " + e.getMessage(), e);
        } catch (RuntimeException | Error e) {
            close();
            throw e;
        }
    }

    private Optional<byte[]> receiveFrame(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                Optional<byte[]> b = frames.receive(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
                if (b.isPresent() && Heartbeats.isHeartbeat(b.get())) continue;
                return b;
            } catch (InterruptedIOException e) {
                Sc.checkpointIfCancelled();
                Thread.interrupted(); // a stray interrupt: the scope state says we are not cancelled
            }
        }
    }

    /**
     * Sends {@code msg} from a virtual thread of its own, for senders that must never block (a frame sink
     * delivering, the msg loop replying): a send may wait for socket space. A failed send is handed to
     * {@code failed}.
     */
    void sendSoon(Msg msg, java.util.function.Consumer<RuntimeException> failed) {
        Thread.ofVirtual().name("send " + msg.msgType()).start(ActorMdc.propagate(() -> {
            try {
                send(msg);
            } catch (RuntimeException e) {
                failed.accept(e);
            }
        }));
    }

    /**
     * Sends one msg; safe from many tasks.
     *
     * @throws TransportClosed when the connection is broken or the peer was lost (cause chained)
     * @throws ClosedResourceException when this side closed the channel
     * @throws tractor.sc.Cancelled when the calling task is cancelled before its msg was written
     */
    void send(Msg msg) {
        byte[] body;
        sendLock.lock();
        try {
            body = encoder.encode(msg);
        } finally {
            sendLock.unlock();
        }
        writeFrame(body);
    }

    /** Writes a frame whose body is not an encoded msg: only tests use it, to send bad input. */
    void writeRawForTest(byte[] body) {
        writeFrame(body);
    }

    private void writeFrame(byte[] body) {
        while (true) {
            checkOpen();
            try {
                frames.send(body);
                lastSent = System.nanoTime();
                return;
            } catch (InterruptedIOException e) {
                Sc.checkpointIfCancelled(); // nothing of the frame was written
                Thread.interrupted();
            } catch (ClosedResourceException e) {
                checkOpen();
                throw e;
            }
        }
    }

    private void checkOpen() {
        TransportClosed f = failure;
        if (f != null) throw new TransportClosed(f.getMessage(), f);
        if (closed) throw new ClosedResourceException("channel to " + describePeer() + " is closed");
    }

    /** Routes the msgs of dialog {@code cid} to {@code sink} until {@link #unregister}. */
    void register(String cid, MsgSink sink) {
        checkOpen();
        dialogs.put(cid, sink);
        TransportClosed f = failure;
        if (f != null && dialogs.remove(cid, sink)) throw new TransportClosed(f.getMessage(), f);
    }

    /** The open dialogs, for dumps. */
    java.util.Collection<MsgSink> dialogs() {
        return java.util.List.copyOf(dialogs.values());
    }

    void unregister(String cid) {
        dialogs.remove(cid);
    }

    /**
     * Starts the msg loop and the heartbeat. {@code fallback} gets msgs of no registered dialog;
     * {@code onEnd} is called once when the loop ends, with the failure or null after a local close.
     *
     * <p>The "loop" is the frame channel's push mode ({@link FrameChannel#deliverTo}): each frame is decoded
     * and routed on the channel's reader, with no hand-off to a thread of this channel; sinks and the
     * fallback queue what they get and never block.
     */
    void start(Consumer<Msg> fallback, Consumer<TransportClosed> onEnd) {
        // ticks at a quarter of the interval: a silent peer is declared lost within a quarter interval of the
        // bound (5.25 s by default), not a whole one, and heartbeats leave at most 1.25 intervals apart
        long period = options.heartbeatInterval().toNanos() / 4;
        heartbeat = Heartbeats.every(period, ActorMdc.propagate(this::tick));
        frames.deliverTo(new Delivery(fallback, onEnd, ActorMdc.capture()));
    }

    /** The msg loop: decodes and routes each frame where the frame channel delivers it. */
    private final class Delivery implements FrameSink {
        private final Consumer<Msg> fallback;
        private final Consumer<TransportClosed> onEnd;
        private final ActorMdc.Snapshot mdc;

        Delivery(Consumer<Msg> fallback, Consumer<TransportClosed> onEnd, ActorMdc.Snapshot mdc) {
            this.fallback = fallback;
            this.onEnd = onEnd;
            this.mdc = mdc;
        }

        @Override
        public void frame(byte[] body) {
            lastReceived = System.nanoTime();
            if (failure != null || closed || Heartbeats.isHeartbeat(body)) return;
            ActorMdc.Installed before = mdc.install();
            try {
                route(decoder.decode(body), fallback);
            } catch (MsgDecodeException e) {
                fail(new TransportClosed("bad frame from " + describePeer() + ", channel closed: " + e.getMessage(), e));
            } catch (RuntimeException e) {
                fail(new TransportClosed("msg loop of the channel to " + describePeer() + " failed: " + e, e));
            } finally {
                before.restore();
            }
        }

        @Override
        public void end(TransportClosed cause) {
            TransportClosed end = cause != null ? fail(cause) : failure;
            ActorMdc.Installed before = mdc.install();
            try {
                TransportClosed reason = end != null ? end : new TransportClosed("channel to " + describePeer() + " closed by this actor");
                dialogs.values().forEach(s -> s.fail(reason));
                dialogs.clear();
                onEnd.accept(end);
            } finally {
                before.restore();
                loopDone.countDown();
            }
        }
    }

    private void route(Msg msg, Consumer<Msg> fallback) {
        String cid = Msgs.cid(msg);
        MsgSink sink = cid == null ? null : dialogs.get(cid);
        if (sink != null) sink.deliver(msg);
        else fallback.accept(msg);
    }

    /** Records the first failure and closes the connection; returns the failure that stands. */
    private TransportClosed fail(TransportClosed cause) {
        synchronized (this) {
            if (failure == null && !closed) failure = cause;
        }
        shutdown();
        return failure;
    }

    private void tick() {
        long now = System.nanoTime();
        if (now - lastReceived > options.peerLostAfter().toNanos()) {
            fail(new TransportClosed("peer " + describePeer() + " was silent for more than " + options.peerLostAfter()
                    + " (no heartbeat): lost", new PeerLost(describePeer(), options.peerLostAfter())));
            return;
        }
        if (now - lastSent >= options.heartbeatInterval().toNanos() && heartbeatInFlight.compareAndSet(false, true)) {
            // written off the timer thread: a full socket buffer must not stall every channel's heartbeat
            Thread.ofVirtual().name("heartbeat " + describePeer()).start(ActorMdc.propagate(() -> {
                try {
                    writeFrame(Heartbeats.FRAME);
                } catch (RuntimeException e) {
                    // the msg loop reports the broken connection
                } finally {
                    heartbeatInFlight.set(false);
                }
            }));
        }
    }

    /** Waits at most {@code timeout} for the msg loop (if started) to have ended; true when it has. */
    boolean awaitLoopEnd(Duration timeout) throws InterruptedException {
        return heartbeat == null || loopDone.await(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    /** Whether the channel is usable: not closed, not failed. */
    boolean isOpen() {
        return !closed && failure == null;
    }

    /** The failure that ended the channel, or null. */
    TransportClosed failure() {
        return failure;
    }

    /** Closes the channel; idempotent. The msg loop ends and every dialog gets {@link TransportClosed}. */
    @Override
    public void close() {
        synchronized (this) {
            closed = true;
        }
        shutdown();
    }

    private void shutdown() {
        ScheduledFuture<?> h = heartbeat;
        if (h != null) h.cancel(false);
        frames.close();
    }

    String describePeer() {
        Msg.Aid p = peer;
        return p == null ? String.valueOf(frames.remoteAddress()) : p.name() + "@" + p.uuid().substring(0, Math.min(8, p.uuid().length()));
    }

    @Override
    public String toString() {
        return "channel to " + describePeer() + " (" + (isOpen() ? "open" : failure != null ? "failed" : "closed") + ", "
                + dialogs.size() + " dialogs)";
    }
}
