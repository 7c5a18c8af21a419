package tractor.runtime;

import java.time.Duration;
import java.util.Optional;
import tractor.ActorId;
import tractor.Context;
import tractor.ContextCancelled;
import tractor.MsgStream;
import tractor.RemoteActorError;
import tractor.StreamOverrun;
import tractor.TransportClosed;
import tractor.sc.CancelScope;

/**
 * One end of a cross-actor task pair. Msgs of the dialog arrive from the channel's msg loop through
 * {@link #deliver}; an {@code Error} is recorded at once and cancels this side's task scope (unless it
 * is the acknowledgement of a cancel this side asked for); the owning task raises it at its next call.
 */
final class ContextImpl implements Context, MsgSink {
    static final ThreadLocal<ContextImpl> CURRENT = new InheritableThreadLocal<>();

    final ActorRuntime rt;
    final Channel ch;
    private final String cid;
    private final Side side;
    private final Uid peer;
    final ContextInbox inbox;
    final PayloadCodec codec;
    private volatile CancelScope scope;
    private volatile RemoteActorError remoteError;
    private volatile Throwable localError;
    private volatile boolean cancelCalled;
    private volatile boolean cancelAcked;
    private volatile boolean started;
    private volatile boolean resultWaited;
    private volatile boolean hasResult;
    private volatile Object result;
    private Object first;
    private MsgStreamImpl stream;
    private volatile Class<?> spec;
    /** The pending JFR close event of this context, set when it is opened. */
    jdk.jfr.Event jfr;

    ContextImpl(ActorRuntime rt, Channel ch, String cid, Side side, boolean allowOverruns) {
        this.rt = rt;
        this.ch = ch;
        this.cid = cid;
        this.side = side;
        this.peer = ch.peerUid();
        this.inbox = new ContextInbox(allowOverruns);
        this.codec = rt.payloadCodec();
    }

    @Override public String cid() { return cid; }

    @Override public ActorId peer() { return ErrorBox.id(peer); }

    @Override public Side side() { return side; }

    /** Sets the payload spec of this context (its endpoint's {@link tractor.PayloadSpec}). */
    void spec(Class<?> payloadSpec) {
        spec = payloadSpec;
    }

    /** The type stream values are decoded as: the spec when there is one. */
    java.lang.reflect.Type payloadType(java.lang.reflect.Type asked) {
        return spec != null ? spec : asked;
    }

    /** Decodes a payload of this context, checked against its spec (a violation is a MsgTypeError). */
    Object decodePayload(RawPayload raw, java.lang.reflect.Type type) {
        Class<?> s = spec;
        if (s != null) return PayloadSpecs.decode(codec, raw, s);
        return codec.decode(raw.bytes(), 0, raw.length(), type);
    }

    void bindScope(CancelScope s) {
        scope = s;
        if (remoteError != null && !isSelfCancelAck(remoteError)) s.cancel();
    }

    // --- delivery (msg loop thread) ---

    @Override
    public void deliver(Msg msg) {
        if (msg instanceof Msg.Error e) {
            RemoteActorError err = ErrorBox.unpack(e);
            if (remoteError == null) remoteError = err;
            if (isSelfCancelAck(err)) {
                cancelAcked = true;
            } else {
                CancelScope s = scope;
                if (s != null) s.cancel();
            }
        }
        if (!inbox.offer(msg)) overrun();
    }

    /** Set by the first overrun: the peer is told once (its task ends on it), not once per dropped msg. */
    private final java.util.concurrent.atomic.AtomicBoolean overrunReported = new java.util.concurrent.atomic.AtomicBoolean();

    /**
     * Reports a dropped stream msg to the peer, the first time only: a flood that keeps coming until the
     * report lands would otherwise start a thread and send an error per dropped msg (thousands, contending
     * for the channel's writer).
     */
    private void overrun() {
        if (!overrunReported.compareAndSet(false, true)) return;
        Msg.Error e = ErrorBox.pack(new StreamOverrun("actor " + rt.uid() + " dropped a stream msg of context " + cid
                + ": its buffer of " + ContextInbox.BUFFER + " msgs is full (open the context with allowOverruns to queue more)"),
                rt.wireUid(), cid);
        ch.sendSoon(e, gone -> { }); // a failed send: the peer is gone, nothing to tell
    }

    @Override
    public void fail(TransportClosed cause) {
        inbox.fail(cause);
    }

    boolean isSelfCancelAck(RemoteActorError e) {
        return e instanceof ContextCancelled cc && cancelCalled && rt.uid().equals(cc.canceller());
    }

    // --- parent side: the opening handshake ---

    void awaitStarted(Endpoint target) {
        Msg ack = inbox.take();
        if (ack instanceof Msg.Error e) throw record(ErrorBox.unpack(e));
        if (!(ack instanceof Msg.StartAck a) || !"context".equals(a.functype())) {
            cancel();
            throw new IllegalArgumentException(target + " is not a context endpoint (its first parameter must be a tractor.Context)"
                    + (ack instanceof Msg.StartAck a2 ? ": the peer runs it as " + a2.functype() : ""));
        }
        Msg m = inbox.take();
        if (m instanceof Msg.Error e) throw record(ErrorBox.unpack(e));
        if (!(m instanceof Msg.Started s)) throw new IllegalStateException("protocol error: " + m.msgType() + " before Started in " + this);
        first = decodePayload(s.pld(), Object.class);
        started = true;
    }

    private record Endpoint(String text) {
        @Override public String toString() { return text; }
    }

    static Endpoint target(String ns, String func) {
        return new Endpoint(ns + "#" + func);
    }

    RemoteActorError record(RemoteActorError e) {
        if (remoteError == null) remoteError = e;
        return raised(e);
    }

    private volatile boolean remoteRaised;

    /** Marks {@code e} as raised to this side's task, so that {@link #close()} does not raise it again. */
    RemoteActorError raised(RemoteActorError e) {
        if (e == remoteError) remoteRaised = true;
        return e;
    }

    @Override
    public Object first() {
        if (side != Side.PARENT) throw new IllegalStateException("first() is the parent side's: the child chose the value");
        return first;
    }

    // --- child side ---

    @Override
    public void started(Object value) {
        if (side != Side.CHILD) throw new IllegalStateException("started() is called by the child side of a context, not the parent");
        RawPayload pld;
        synchronized (this) {
            if (started) throw new IllegalStateException("started() called twice in context " + cid);
            pld = codec.encode(value);
            Class<?> s = spec;
            if (s != null) PayloadSpecs.decode(codec, pld, s); // strict: a violation is raised here, nothing is sent
            started = true;
        }
        ch.send(new Msg.Started(cid, pld));
    }

    @Override
    public MsgStream openStream() {
        return openStream(false);
    }

    @Override
    public synchronized MsgStream openStream(boolean allowOverruns) {
        if (side == Side.CHILD && !started) {
            throw new IllegalStateException("Context.started() must be called before opening a stream");
        }
        if (cancelCalled) { // tractor checks for a requested cancel first: the received cancellation is the answer
            if (remoteError != null) throw raised(remoteError);
            throw new IllegalStateException("stream opened after Context.cancel() was called");
        }
        if (stream != null) throw new IllegalStateException("the stream of context " + cid + " was already opened: a stream is one-shot");
        if (allowOverruns) inbox.allowOverruns();
        stream = new MsgStreamImpl(this);
        return stream;
    }

    // --- outcome ---

    @Override
    public Object waitForResult() {
        if (side != Side.PARENT) throw new IllegalStateException("waitForResult() is the parent side's");
        resultWaited = true;
        while (!hasOutcome()) {
            Msg m = inbox.take();
            onFinal(m);
        }
        return outcomeOrThrow();
    }

    /** Takes in a msg while draining for the outcome: stream msgs are discarded. */
    void onFinal(Msg m) {
        if (m instanceof Msg.Return r) {
            try {
                result = decodePayload(r.pld(), Object.class);
            } catch (tractor.MsgTypeError e) {
                localError = e; // the child returned a value its spec does not allow
            }
            hasResult = true;
        } else if (m instanceof Msg.Error e) {
            RemoteActorError err = record(ErrorBox.unpack(e));
            if (isSelfCancelAck(err)) cancelAcked = true;
        }
    }

    private Object outcomeOrThrow() {
        RemoteActorError e = remoteError;
        if (e != null) {
            if (isSelfCancelAck(e)) return e;
            throw raised(e);
        }
        if (localError instanceof tractor.MsgTypeError bad) throw bad;
        return result;
    }

    @Override
    public void cancel(Duration timeout) {
        JfrEvents.cancelRequested(rt, "sent", cid, rt.uid().name());
        cancelCalled = true;
        if (side == Side.CHILD) {
            CancelScope s = scope;
            if (s != null) s.cancel();
            return;
        }
        new PortalImpl(rt, ch, false).cancelRemoteTask(cid, timeout);
    }

    @Override public boolean cancelCalled() { return cancelCalled; }

    @Override public boolean cancelAcked() { return cancelAcked; }

    @Override public boolean cancelledCaught() {
        CancelScope s = scope;
        return s != null && s.cancelledCaught();
    }

    @Override
    public ActorId canceller() {
        RemoteActorError e = remoteError;
        if (cancelCalled && (e == null || isSelfCancelAck(e))) return rt.uid();
        if (e instanceof ContextCancelled) return ErrorBox.id(peer);
        return e == null ? null : e.srcUid();
    }

    @Override
    public Optional<Throwable> maybeError() {
        return Optional.ofNullable(remoteError != null ? remoteError : localError);
    }

    @Override
    public boolean hasOutcome() {
        return hasResult || remoteError != null;
    }

    @Override
    public Object outcome() {
        if (!hasOutcome()) throw new IllegalStateException("the outcome of context " + cid + " is not known yet");
        if (remoteError != null) return remoteError;
        return localError instanceof tractor.MsgTypeError bad ? bad : result;
    }

    RemoteActorError maybeRemoteError() {
        return remoteError;
    }

    void setLocalError(Throwable t) {
        localError = t;
    }

    boolean streamOpen() {
        return stream != null && !stream.closed();
    }

    MsgStreamImpl stream() {
        return stream;
    }

    /** Stashes the final {@code Return} a stream receive met. */
    void stashReturn(Msg.Return r) {
        onFinal(r);
    }

    private ContextImpl outer;
    private boolean bound;

    /** Parent side: makes this the calling task's current context until {@link #close()}. */
    void bindToCaller() {
        outer = CURRENT.get();
        CURRENT.set(this);
        bound = true;
    }

    /** Ends the dialog after the callback form: the outcome is settled, only the bookkeeping is left. */
    void closeQuietly() {
        resultWaited = true;
        close();
    }

    @Override
    public void close() {
        if (bound) {
            bound = false;
            if (outer == null) CURRENT.remove();
            else CURRENT.set(outer);
        }
        try {
            if (side == Side.PARENT && !resultWaited) abnormalClose();
        } finally {
            ch.unregister(cid);
            inbox.close();
            JfrEvents.contextClosed(this, jfr, outcomeText());
        }
    }

    /** The outcome in a word or three, for events and dumps. */
    String outcomeText() {
        RemoteActorError e = remoteError;
        if (e instanceof tractor.ContextCancelled cc) return "cancelled by " + (cc.canceller() == null ? "?" : cc.canceller().name());
        if (e != null) return "error " + e.boxedTypeName();
        if (localError != null) return "error " + localError.getClass().getName();
        return hasResult ? "result" : cancelCalled ? "cancelled" : "no outcome";
    }

    /**
     * Cancels the far task and waits for its final msg, shielded and bounded by the cancel wait. Leaving
     * without {@code waitForResult()} raises {@link IllegalStateException} (the JDK rule), except when the
     * calling task is being cancelled: then the block is left by that cancellation, which must stay what
     * the task ends with (tractor: a task cancelled inside {@code open_context} cancels the far task and
     * re-raises its own cancellation).
     */
    private void abnormalClose() {
        boolean cancelling = callerCancelling();
        boolean askedBefore = cancelCalled;
        RemoteActorError before = remoteError;
        if (before != null) { // the outcome is already here: a cross-cancel (even our own cancelActor) is raised
            if (askedBefore && isSelfCancelAck(before) || remoteRaised) return;
            throw raised(before);
        }
        cancel();
        try {
            CancelScope.runShielded(s -> {
                s.deadline(tractor.sc.Sc.deadlineAfter(rt.teardown().cancelAckWait()));
                while (!hasOutcome()) onFinal(inbox.take());
            });
        } catch (Exception | tractor.sc.Cancelled e) {
            Log.debug(rt, "context " + cid + " closed without its final msg: " + e);
        }
        RemoteActorError e = remoteError;
        if (e != null && !isSelfCancelAck(e) && !remoteRaised) throw raised(e);
        if (!askedBefore && !cancelling && (e != null || ch.isOpen())) {
            throw new IllegalStateException("context " + cid + " closed without waitForResult(): the far task was cancelled");
        }
    }

    /** Whether the calling task is being cancelled (its scopes are effectively cancelled): a checkpoint that never throws. */
    static boolean callerCancelling() {
        try {
            tractor.sc.Sc.checkpointIfCancelled();
            return false;
        } catch (tractor.sc.Cancelled c) {
            return true;
        }
    }

    @Override
    public String toString() {
        return "context " + cid + " (" + side.name().toLowerCase() + " side, peer " + ch.describePeer() + ")";
    }
}
