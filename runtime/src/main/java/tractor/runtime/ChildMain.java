package tractor.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import tractor.ActorId;
import tractor.TransportClosed;
import tractor.sc.Sc;
import tractor.transport.spi.Address;
import tractor.transport.spi.Listener;
import tractor.transport.spi.TransportSecurity;
import tractor.transport.spi.TransportOptions;
import tractor.transport.spi.TransportProvider;
import tractor.transport.spi.Transports;

/**
 * Where a spawned child actor starts: {@code main} in a child JVM (process backend), {@link #runInJvm}
 * in this JVM (thread backend). Arguments: the parent's address, the child's name and uuid, the mode; a
 * child with a class loader of its own gets the tree's secret and transport settings as two more (see
 * {@code Secrets}); a child process gets them in its environment.
 *
 * <p>Boot: connect to the parent, exchange identities, listen (while the parent sends the
 * {@code SpawnSpec}), receive the {@code SpawnSpec}, load the enabled classes, register with the
 * registrar, then serve until cancelled (by the parent, or when the parent is gone). A boot that ends
 * before serving closes its listener and the parent connection.
 *
 * <p>A child JVM never outlives its parent: its standard input is a pipe the parent holds and never
 * writes; end of input (the parent died, even by SIGKILL) cancels the actor, and if it has not ended
 * {@link #ORPHAN_GRACE} later the JVM halts. SIGTERM cancels it the same way.
 */
public final class ChildMain {
    private ChildMain() {}

    /** How long a child whose parent is gone may take to end gracefully before it halts. */
    static final Duration ORPHAN_GRACE = Duration.ofSeconds(2);
    /** How long a parent may take to send the {@code SpawnSpec}. */
    static final Duration SPEC_TIMEOUT = Duration.ofSeconds(30);

    /** The mode argument of a child that runs inside its parent's JVM (the thread backend). */
    static final String IN_JVM = "in-jvm";

    /**
     * The child JVM's entry point; a child started in this JVM by a backend that calls {@code main}
     * (the thread backend with an isolated class loader) is told so by its mode argument and never
     * exits the JVM.
     */
    public static void main(String[] args) {
        if (args.length > 3 && IN_JVM.equals(args[3])) {
            runInJvm(List.of(args), Secrets.fromInJvmArgs(List.of(args), ChannelOptions.DEFAULTS));
            return;
        }
        AtomicReference<ActorRuntime> rt = new AtomicReference<>();
        watchParent(System.in, rt);
        onSignals(rt);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            // any other exit (System.exit from user code, an OutOfMemoryError exit): the peers learn at
            // once; a task stuck in System.exit would never let a graceful teardown finish
            ActorRuntime r = rt.get();
            if (r != null) r.closeNow();
        }, "tractor-child-shutdown"));
        int code = 0;
        try {
            run(List.of(args), rt, null);
        } catch (Throwable t) {
            System.err.println("tractor child " + (args.length > 1 ? args[1] : "?") + " failed: " + ErrorBox.stackText(t));
            code = 1;
        }
        System.exit(code);
    }

    /** SIGTERM and SIGINT cancel the actor gracefully, then exit with 128 + the signal number. */
    private static void onSignals(AtomicReference<ActorRuntime> rt) {
        for (String name : new String[] {"TERM", "INT"}) {
            try {
                sun.misc.Signal.handle(new sun.misc.Signal(name), sig -> Thread.ofPlatform().name("tractor-signal " + name).start(() -> {
                    ActorRuntime r = rt.get();
                    try {
                        if (r != null) {
                            r.endSoon();
                            r.awaitClosed(ORPHAN_GRACE);
                        }
                    } catch (InterruptedException ignored) {
                        // exiting anyway
                    }
                    System.exit(128 + sig.getNumber());
                }));
            } catch (IllegalArgumentException e) {
                // the signal is not available here (or reserved by the JVM): the shutdown hook still runs
            }
        }
    }

    private static void watchParent(InputStream in, AtomicReference<ActorRuntime> rt) {
        Thread.ofPlatform().daemon(true).name("tractor-parent-watch").start(() -> {
            byte[] buf = new byte[64];
            try {
                while (in.read(buf) >= 0) {
                    // the parent never writes: anything read is ignored
                }
            } catch (IOException e) {
                // a broken pipe is the same news: the parent is gone
            }
            ActorRuntime r = rt.get();
            if (r != null) r.endSoon();
            try {
                Thread.sleep(ORPHAN_GRACE.toMillis());
            } catch (InterruptedException ignored) {
                // halting anyway
            }
            Runtime.getRuntime().halt(3);
        });
    }

    /**
     * The thread backend's entry: runs the child on a thread of its own; an interrupt of the calling
     * thread (the backend's soft stop) cancels it.
     */
    public static void runInJvm(List<String> args) {
        runInJvm(args, null);
    }

    /** As {@link #runInJvm(List)}, with the tree's transport security handed over in memory (or null). */
    static void runInJvm(List<String> args, TransportSecurity security) {
        AtomicReference<ActorRuntime> rt = new AtomicReference<>();
        AtomicReference<Throwable> failed = new AtomicReference<>();
        Thread t = Thread.ofVirtual().name("child " + (args.size() > 1 ? args.get(1) : "?")).start(() -> {
            try {
                run(args, rt, security);
            } catch (Throwable e) {
                failed.set(e);
            }
        });
        boolean stopping = false;
        while (t.isAlive()) {
            try {
                t.join();
            } catch (InterruptedException e) {
                if (!stopping) {
                    stopping = true;
                    ActorRuntime r = rt.get();
                    if (r != null) r.endSoon();
                }
            }
        }
        if (failed.get() != null) throw new IllegalStateException("child actor failed: " + failed.get(), failed.get());
    }

    static void run(List<String> args, AtomicReference<ActorRuntime> holder, TransportSecurity security) throws Exception {
        if (args.size() < 3) throw new IllegalArgumentException("usage: ChildMain <parent address> <name> <uuid> [in-jvm], got " + args);
        Address parentAddr = Address.parse(args.get(0));
        ActorId id = new ActorId(args.get(1), args.get(2));
        TransportProvider tp = Transports.get(parentAddr.transport());
        TransportOptions topts = Secrets.forChild(security, System.getenv(), ChannelOptions.DEFAULTS);
        ClassLoader loader = ChildMain.class.getClassLoader();
        ActorConfig boot = new ActorConfig(id, false, false, List.of(), loader, tp, topts, ChannelOptions.DEFAULTS,
                CodecLimits.DEFAULT, parentAddr, tractor.Teardown.DEFAULTS, SpawnBackends.DEFAULT, null, null);
        Channel parent = Connect.open(boot, parentAddr, new Msg.Aid(id.name(), id.uuid(), ProcessHandle.current().pid(), false, false));
        Listener l = null;
        ActorRuntime rt;
        try {
            // bound while the parent sends the SpawnSpec: the address depends only on the name and the parent's side
            l = tp.listen(tp.anyAddress(id.name(), BindHost.towards(topts, parentAddr)), topts);
            if (!(parent.receiveOne(SPEC_TIMEOUT) instanceof Msg.SpawnSpec spec)) {
                throw new TransportClosed("parent " + parentAddr + " sent no SpawnSpec");
            }
            ActorConfig cfg = new ActorConfig(id, false, false, SpawnSpecs.enabled(spec), loader, tp, topts, ChannelOptions.DEFAULTS,
                    CodecLimits.DEFAULT, tp.parseAddress(SpawnSpecs.registry(spec)), SpawnSpecs.teardown(spec),
                    SpawnSpecs.backend(spec), parent, args.size() > 4 && !args.get(4).isEmpty() ? args.get(4) : System.getProperty(LogLevels.PROPERTY));
            for (String c : cfg.enabled()) {
                Class.forName(c, true, loader); // as tractor imports enabled modules at boot: static registrations run
            }
            rt = new ActorRuntime(cfg);
            rt.debug().configure(spec);
        } catch (Exception | Error e) {
            // nothing serves yet: a thread child's JVM goes on, so its connection and socket must not outlive it
            if (l != null) l.close();
            parent.close();
            throw e;
        }
        holder.set(rt);
        rt.run(l, parent, Sc::sleepForever);
    }

    /**
     * What {@link #main} sets up in a child JVM and a rehearsal does not: a platform thread, a shutdown hook
     * (added and removed again) and the signal classes; none is left behind.
     */
    private static void warmProcessSetUp() throws InterruptedException {
        Thread.ofPlatform().daemon(true).name("tractor-warm-up").start(() -> { }).join();
        Thread hook = new Thread(() -> { }, "tractor-warm-up hook");
        Runtime.getRuntime().addShutdownHook(hook);
        Runtime.getRuntime().removeShutdownHook(hook);
        new sun.misc.Signal("TERM").getNumber();
    }

    /**
     * Prepares a pooled child JVM (the process backend's warm pool calls this before the JVM knows which
     * actor it will be): rehearses one complete actor lifecycle in this JVM ({@link WarmUp}) over each
     * installed transport, UDS first, so that the actor's real boot runs on loaded classes and compiled
     * code; first what {@link #main} sets up and a rehearsal does not. Without the thread backend (the
     * rehearsal's child runs on it) there is nothing to rehearse. The rehearsal leaves nothing behind (no
     * listener, socket file, actor thread or registry entry).
     *
     * @throws Exception when a rehearsal fails (the pooled JVM reports it and goes on unwarmed)
     */
    public static void warmUp() throws Exception {
        warmProcessSetUp();
        if (!WarmUp.threadBackendInstalled()) return; // the rehearsal's child runs on it: nothing to rehearse with
        for (String t : List.of("uds", "tcp")) {
            if (Transports.find(t).isPresent()) WarmUp.rehearse(t);
        }
    }
}
