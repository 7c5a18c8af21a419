package tractor.runtime;

import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import tractor.Actor;
import tractor.ActorId;
import tractor.Teardown;
import tractor.TransportClosed;
import tractor.sc.CancelScope;
import tractor.sc.ClosedResourceException;
import tractor.sc.Nursery;
import tractor.sc.Sc;
import tractor.transport.spi.Address;
import tractor.transport.spi.AuthenticationFailed;
import tractor.transport.spi.FrameChannel;
import tractor.transport.spi.Listener;

/**
 * One actor: its identity, IPC server, peers, RPC server and service nursery. {@link #run} boots it in
 * the calling thread, runs a body inside it and tears it down: registration with the registrar, the
 * accept loop, the msg loops, every RPC task; no task or channel outlives it.
 */
final class ActorRuntime implements Actor {
    static final InheritableThreadLocal<ActorRuntime> CURRENT = new InheritableThreadLocal<>();

    private final ActorConfig cfg;
    private final ActorId id;
    private final Uid wireUid;
    private final Peers peers = new Peers();
    private final java.util.concurrent.atomic.AtomicInteger accepted = new java.util.concurrent.atomic.AtomicInteger();
    private final RpcServer rpc = new RpcServer(this);
    private final Registrar registrar;
    private final Invoker invoker;
    private final SpawnBackends backends;
    private final Discovery discovery = new Discovery(this);
    private final DebugMode debug = new DebugMode(this);
    private List<Listener> listeners = List.of();
    private Nursery service;
    private volatile CancelScope mainScope;
    private volatile Uid cancelRequester;
    private volatile boolean ending;
    private final java.util.concurrent.CountDownLatch closed = new java.util.concurrent.CountDownLatch(1);
    private final java.util.Set<ActorNurseryImpl> nurseries = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final int logThreshold;

    ActorRuntime(ActorConfig cfg) {
        this.cfg = cfg;
        this.id = cfg.id();
        this.wireUid = ErrorBox.uid(id);
        this.registrar = cfg.registrar() ? new Registrar() : null;
        this.invoker = new Invoker(id.name(), cfg.enabled(), cfg.loader());
        this.backends = new SpawnBackends(cfg.loader());
        this.logThreshold = LogLevels.value(cfg.logLevel());
    }

    @Override public ActorId uid() { return id; }

    @Override public long pid() { return ProcessHandle.current().pid(); }

    @Override public boolean isRegistrar() { return registrar != null; }

    @Override public boolean isRoot() { return cfg.root(); }

    @Override public String address() { return listeners.isEmpty() ? "" : listeners.getFirst().boundAddress().toString(); }

    /** Every address this actor listens on, the registered-first one first. */
    List<String> addresses() {
        return listeners.stream().map(l -> l.boundAddress().toString()).toList();
    }

    @Override public String registryAddress() { return cfg.registryAddress().toString(); }

    Uid wireUid() { return wireUid; }

    ActorConfig config() { return cfg; }

    Teardown teardown() { return cfg.teardown(); }

    Registrar registrar() { return registrar; }

    Invoker invoker() { return invoker; }

    Peers peers() { return peers; }

    SpawnBackends backends() { return backends; }

    Nursery service() { return service; }

    Discovery discovery() { return discovery; }

    DebugMode debug() { return debug; }

    boolean ending() { return ending; }

    Uid cancelRequester() { return cancelRequester; }

    /** The open actor nurseries of this actor (their children are its children). */
    java.util.Set<ActorNurseryImpl> nurseries() { return nurseries; }

    /** The lowest tractor log level this actor logs at (see {@link LogLevels}). */
    int logThreshold() { return logThreshold; }

    @Override
    public void dump(Appendable out) throws java.io.IOException {
        ActorDump.dump(this, out);
    }

    PayloadCodec payloadCodec() {
        return new PayloadCodec(UserExt.registry(), cfg.limits());
    }

    Msg.Aid aid(boolean probe) {
        return new Msg.Aid(id.name(), id.uuid(), pid(), registrar != null, probe);
    }

    /**
     * Boots the actor in the calling thread, runs {@code body}, then tears the actor down. A
     * {@code parent} channel (a spawned child's connection to its parent) is served like any peer.
     */
    void run(Listener bound, Channel parent, Sc.Task body) throws Exception {
        run(List.of(bound), parent, body);
    }

    /** {@link #run(Listener, Channel, Sc.Task)} serving several listeners (a root's bind addresses). */
    void run(List<Listener> bound, Channel parent, Sc.Task body) throws Exception {
        jdk.jfr.Event exited = JfrEvents.ACTOR_EXITED.begin();
        ActorJmx.Registration jmx = ActorJmx.start(this);
        Throwable failure = null;
        try {
            ActorMdc.run(this, () -> runInside(bound, parent, body));
        } catch (Exception | Error e) {
            failure = e;
            throw e;
        } finally {
            if (jmx != null) jmx.unregister();
            JfrEvents.actorExited(this, exited, failure);
        }
    }

    private void runInside(List<Listener> bound, Channel parent, Sc.Task body) throws Exception {
        CURRENT.set(this);
        this.listeners = List.copyOf(bound);
        try {
            Nursery.run(svc -> {
                service = svc;
                for (Listener l : listeners) svc.startSoon("accept " + id.name() + " " + l.boundAddress(), () -> acceptLoop(l));
                try {
                    CancelScope.run(main -> {
                        mainScope = main;
                        if (ending) main.cancel();
                        Log.runtime(this, "actor up at " + address() + " (pid " + pid() + ")");
                        // inside the main scope: a cancel during boot ends it too. As tractor, the parent's first msgs
                        // are served once the actor is registered (findable).
                        if (parent != null && RegistryClient.isRegistrar(this, parent)) {
                            // the parent is the registrar: register over its channel, holding back its other msgs
                            HeldMsgs held = new HeldMsgs(msg -> rpc.onMsg(parent, msg));
                            attach(parent, held);
                            RegistryClient.register(this, parent);
                            held.release();
                        } else {
                            RegistryClient.register(this, null);
                            if (parent != null) attach(parent);
                        }
                        body.run();
                    });
                } finally {
                    ending = true;
                    RegistryClient.unregister(this, parent);
                    listeners.forEach(Listener::close);
                    svc.cancel();
                    rpc.awaitIdle(cfg.teardown().cancelAckWait());
                    peers.closeAll();
                    if (parent != null) parent.close(); // not among the peers when registering failed
                    closed.countDown();
                }
            });
        } finally {
            closed.countDown();
            peers.closeAllAndWait(Duration.ofSeconds(1));
            listeners.forEach(Listener::close);
            backends.close();
            CURRENT.remove();
        }
    }

    private void acceptLoop(Listener listener) {
        try {
            acceptUntilCancelled(listener);
        } finally {
            listener.close(); // nobody accepts any more: connecting peers are refused at once, not left waiting
        }
    }

    private void acceptUntilCancelled(Listener listener) {
        while (true) {
            Optional<FrameChannel> next;
            try {
                next = listener.accept(Duration.ofSeconds(1));
            } catch (InterruptedIOException e) {
                Sc.checkpointIfCancelled();
                continue;
            } catch (ClosedResourceException e) {
                return;
            }
            Sc.checkpointIfCancelled();
            next.ifPresent(f -> service.startSoon("connection", () -> onConnection(f)));
        }
    }

    /** How many connections this actor's listeners accepted so far. */
    int connectionsAccepted() {
        return accepted.get();
    }

    private void onConnection(FrameChannel f) {
        accepted.incrementAndGet();
        Channel ch = new Channel(f, cfg.channelOptions(), cfg.limits());
        Msg.Aid peer;
        try {
            peer = ch.handshake(aid(false));
        } catch (AuthenticationFailed e) {
            Log.debug(this, "dropped an unauthenticated connection (the transport logged why): " + e.getMessage());
            return;
        } catch (TransportClosed e) {
            Log.debug(this, "dropped a connection: " + e.getMessage());
            return;
        }
        if (peer.isProbe()) {
            ch.close();
            return;
        }
        if (peers.isRetired(ch.peerUid())) {
            // an old incarnation (a child reaped or lost, say across a healed partition) never comes back
            Log.info(this, "refused a connection from " + ch.describePeer() + ": that incarnation of the actor has ended here");
            ch.close();
            return;
        }
        attach(ch);
    }

    /** Serves a handshaken channel: registers the peer and starts its msg loop. */
    void attach(Channel ch) {
        attach(ch, msg -> rpc.onMsg(ch, msg));
    }

    /** {@link #attach(Channel)} with the msgs of no open dialog going to {@code fallback}. */
    private void attach(Channel ch, java.util.function.Consumer<Msg> fallback) {
        ch.start(fallback, end -> onChannelEnd(ch, end));
        peers.add(ch);
    }

    private void onChannelEnd(Channel ch, TransportClosed cause) {
        peers.remove(ch);
        int cancelled = rpc.cancelTasksOf(ch);
        if (cancelled > 0 && cause != null && cause.getCause() instanceof PeerLost && !ending) {
            // a peer gone silent while it had tasks running here (a partition, a dead host): worth a line
            Log.info(this, "lost peer " + ch.describePeer() + " (" + cause.getMessage() + "); cancelled its " + cancelled + " task(s)");
        }
        if (ch == cfg.parentChannel()) {
            String why = "lost the parent channel" + (cause == null ? "" : ": " + cause.getMessage()) + "; cancelling";
            if (ending) Log.debug(this, why);
            else Log.cancel(this, why);
            endSoon();
        }
    }

    /** A peer asked this actor to cancel: every RPC task (but the asking one) ends first. */
    void cancelFromPeer(Uid requester, RpcTask asking) throws Exception {
        if (cancelRequester == null) cancelRequester = requester;
        rpc.cancelAll(requester, asking, cfg.teardown().cancelAckWait());
    }

    /** Ends the actor's body soon (its main scope is cancelled); idempotent, from any thread. */
    void endSoon() {
        ending = true;
        CancelScope m = mainScope;
        if (m != null) m.cancel();
    }

    @Override
    public Optional<tractor.Portal> parent() {
        Channel p = cfg.parentChannel();
        return p == null ? Optional.empty() : Optional.of(new PortalImpl(this, p, false));
    }

    @Override
    public void cancelSoon() {
        endSoon();
    }

    /** Closes every channel now, without the graceful teardown (the JVM is exiting under the runtime). */
    void closeNow() {
        ending = true;
        peers.closeAll();
        closed.countDown();
    }

    /**
     * Waits at most {@code timeout} until this actor's channels are closed (its tasks are done or were
     * given the cancel-ack wait to answer); for a JVM exiting under the runtime.
     */
    boolean awaitClosed(Duration timeout) throws InterruptedException {
        return closed.await(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    /** The address this actor listens on (the first, when it listens on several). */
    Address boundAddress() {
        return listeners.getFirst().boundAddress();
    }

    @Override
    public String toString() {
        return id.toString();
    }
}
