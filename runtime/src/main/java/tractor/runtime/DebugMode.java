package tractor.runtime;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tractor.ActorId;
import tractor.ContextCancelled;
import tractor.Endpoint;
import tractor.MsgStream;
import tractor.RootOptions;
import tractor.sc.Cancelled;
import tractor.sc.Nursery;
import tractor.sc.Sc;
import tractor.spawn.spi.ChildHandle;

/**
 * One actor's debug mode (tractor's {@code debug_mode}): off, or on for the whole tree. On, every child
 * JVM it spawns gets a JDWP agent on a free loopback port, announced on the root's terminal;
 * {@link #pause()} and an uncaught error ({@link #crashed}) hold the calling task under the root's
 * terminal lock until released. The root serves the lock ({@link RootTerminal}); the others reach it
 * through the address the {@code SpawnSpec} carries, with the mode itself.
 */
final class DebugMode {
    static final String MODE_VAR = "_debug_mode";
    static final String ROOT_VAR = "_root_addr";
    /** The system property telling a child JVM the address of its own JDWP agent. */
    static final String JDWP_PROPERTY = "tractor.debug.jdwp";
    private static final Endpoint LOCK = Endpoint.parse(TtyLock.class.getName() + "#lockStdio");
    private static final Endpoint ANNOUNCE = Endpoint.parse(TtyLock.class.getName() + "#announce");

    private final ActorRuntime rt;
    private final Map<String, String> agents = new ConcurrentHashMap<>();
    private volatile boolean on;
    private volatile String rootAddress;
    private volatile RootTerminal terminal;
    private PortalImpl root;

    DebugMode(ActorRuntime rt) {
        this.rt = rt;
    }

    /** The classes a root enables: {@code o}'s, and the tty lock's in debug mode. */
    static List<String> rootEnabled(RootOptions o) {
        List<String> e = new ArrayList<>(o.enabled());
        if (o.debugMode()) e.add(TtyLock.class.getName());
        return e;
    }

    /** Turns debug mode on in a root: it serves the terminal. */
    void enableInRoot() {
        terminal = new RootTerminal(StdinLines.system());
        on = true;
    }

    /** Takes a child's mode and the root's address from its {@code SpawnSpec}. */
    void configure(Msg.SpawnSpec spec) {
        on = Boolean.TRUE.equals(spec.runtimeVars().get(MODE_VAR));
        Object root = spec.runtimeVars().get(ROOT_VAR);
        rootAddress = root == null ? null : root.toString();
    }

    boolean on() {
        return on;
    }

    RootTerminal terminal() {
        return terminal;
    }

    /** {@code spec} with the mode and the root's address, for a child of this actor. */
    Msg.SpawnSpec annotate(Msg.SpawnSpec spec) {
        if (!on) return spec;
        Map<String, Object> vars = new LinkedHashMap<>(spec.runtimeVars());
        vars.put(MODE_VAR, true);
        vars.put(ROOT_VAR, rootAddress != null ? rootAddress : rt.address());
        return new Msg.SpawnSpec(spec.parentMainData(), vars, spec.enableModules(), spec.regAddrs(), spec.bindAddrs());
    }

    /** The JVM options of child {@code child}: a JDWP agent on a free loopback port in debug mode. */
    List<String> jvmOptions(ActorId child, String backend) {
        if (!on || "thread".equals(backend)) return List.of();
        String address = "127.0.0.1:" + freePort();
        agents.put(child.uuid(), address);
        return List.of("-agentlib:jdwp=transport=dt_socket,server=y,suspend=n,address=" + address, "-D" + JDWP_PROPERTY + "=" + address);
    }

    /** Prints, on the root's terminal, where a debugger attaches to child {@code child} (a child JVM). */
    void announce(ActorId child, ChildHandle h) {
        String address = agents.remove(child.uuid());
        if (address == null || h.pid().isEmpty()) return;
        String line = "attach a debugger to " + child.name() + " (pid " + h.pid().getAsLong() + ") at " + address;
        if (terminal != null) terminal.print(line);
        else rootPortal().call(ANNOUNCE, Object.class, new Object[] {line});
    }

    /** {@link tractor.Tractor#pause()}. */
    void pause() throws Exception {
        if (!on) {
            throw new IllegalStateException("Tractor.pause() needs debug mode: actor " + rt.uid().name()
                    + " belongs to a tree whose root was opened without RootOptions.debugMode(true)");
        }
        Thread t = Thread.currentThread();
        hold(DebugReport.paused(rt.uid().name(), t, t.getStackTrace(), System.getProperty(JDWP_PROPERTY)));
    }

    /**
     * Holds the calling task after {@code error} was raised in it, until released; then returns (the
     * caller propagates the error). Nothing happens outside debug mode, for a cancellation or in an actor
     * that is ending (cancelled: its errors are the teardown's); a hold
     * that fails or is cancelled is logged and the error propagates anyway (a cancellation is
     * level-triggered: the next checkpoint raises it again).
     */
    void crashed(Throwable error) {
        if (!on || rt.ending() || error instanceof Cancelled || error instanceof ContextCancelled) return;
        try {
            hold(DebugReport.crashed(rt.uid().name(), Thread.currentThread(), error, System.getProperty(JDWP_PROPERTY)));
        } catch (Cancelled | Exception e) {
            Log.warn(rt, "the crash hold of " + error + " ended early: " + e);
        }
    }

    /** Runs the root's body: an error leaving it is held first ({@link #crashed}). */
    void guard(Sc.Task body) throws Exception {
        try {
            body.run();
        } catch (Exception | Error e) {
            crashed(e);
            throw e;
        }
    }

    private void hold(String report) throws Exception {
        String actor = rt.uid().name();
        if (terminal != null) {
            terminal.holdHere(actor, report);
            return;
        }
        // the callback form: a cancellation of the held task cancels the root's side too, and is raised as it is
        rootPortal().withContext(LOCK, false, ctx -> {
            try (MsgStream stream = ctx.openStream()) {
                DebugHold hold = new DebugHold();
                Nursery.run(n -> {
                    n.startSoon("debug resume of " + actor, () -> awaitResume(stream, hold));
                    if (hold.await() == DebugHold.By.DEBUGGER) stream.send("released");
                    n.cancel();
                });
            }
        }, actor, report);
    }

    private static void awaitResume(MsgStream stream, DebugHold hold) {
        try {
            stream.receive();
        } catch (RuntimeException ended) {
            // the root ended the hold (or is gone): resume either way
        }
        hold.resumeFromTerminal();
    }

    private synchronized PortalImpl rootPortal() {
        if (rootAddress == null) throw new IllegalStateException("actor " + rt.uid() + " knows no root address (not in debug mode)");
        if (root == null || !root.channel().isOpen()) {
            Channel ch = Connect.open(rt.config(), rt.config().transport().parseAddress(rootAddress), rt.aid(false));
            rt.attach(ch);
            root = new PortalImpl(rt, ch, false);
        }
        return root;
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free loopback port for a child's debugger agent: " + e, e);
        }
    }

    @Override
    public String toString() {
        return "debug mode of " + rt.uid().name() + " (" + (!on ? "off" : terminal != null ? "root, " + terminal : "root at " + rootAddress) + ")";
    }
}
