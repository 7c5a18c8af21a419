package tractor.runtime;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import tractor.ActorId;
import tractor.ActorNursery;
import tractor.ActorOptions;
import tractor.ActorStartupError;
import tractor.Endpoint;
import tractor.Portal;
import tractor.Teardown;
import tractor.Tractor;
import tractor.sc.CancelScope;
import tractor.sc.Cancelled;
import tractor.sc.Nursery;
import tractor.spawn.spi.ChildEntry;
import tractor.spawn.spi.ChildHandle;
import tractor.spawn.spi.SpawnException;
import tractor.spawn.spi.SpawnRequest;

/**
 * The one implementation of {@link ActorNursery}: each child is supervised by a task of an inner
 * {@link Nursery}, so one-cancels-all, error collection (one error as it is, several as a group) and
 * "the nursery ends only after every child was reaped" are the structured-concurrency core's own rules.
 */
final class ActorNurseryImpl implements ActorNursery {
    private final ActorRuntime rt;
    private final Nursery inner;
    private final List<ChildSupervisor> children = new CopyOnWriteArrayList<>();
    private final List<Throwable> errors = new CopyOnWriteArrayList<>();
    private final tractor.sc.Event bodyDone = new tractor.sc.Event();
    private final CompletableFuture<Void> bodyDoneFuture = new CompletableFuture<>();
    private int oneShotsPending;
    private volatile boolean cancelCalled;

    private ActorNurseryImpl(ActorRuntime rt, Nursery inner) {
        this.rt = rt;
        this.inner = inner;
    }

    /**
     * Runs {@code body} with a new actor nursery; returns once every child was reaped. Raises the body's
     * error and the one-shots' collected errors: one as it is, several as a group (an error the body
     * rethrew from {@code portal.result()} counts once).
     */
    static void open(ActorRuntime rt, Tractor.Body<ActorNursery> body) throws Exception {
        ActorNurseryImpl[] an = new ActorNurseryImpl[1];
        List<Throwable> all = new ArrayList<>();
        try {
            Nursery.run(inner -> {
                an[0] = new ActorNurseryImpl(rt, inner);
                rt.nurseries().add(an[0]);
                try {
                    body.run(an[0]);
                } finally {
                    an[0].bodyDone.set();
                    an[0].bodyDoneFuture.complete(null);
                }
            });
        } catch (Exception | Error e) {
            all.add(e);
        } finally {
            if (an[0] != null) rt.nurseries().remove(an[0]);
        }
        if (an[0] != null) {
            for (Throwable t : an[0].errors) {
                if (all.stream().noneMatch(x -> x == t || x instanceof tractor.sc.ExceptionGroup g && g.exceptions().contains(t))) all.add(t);
            }
        }
        if (all.isEmpty()) return;
        if (all.size() == 1) {
            Throwable t = all.getFirst();
            if (t instanceof Exception e) throw e;
            throw (Error) t;
        }
        throw new tractor.sc.ExceptionGroup("actor nursery of " + rt + " errored", all);
    }

    /** The children of this nursery, in spawn order. */
    List<ChildSupervisor> children() {
        return List.copyOf(children);
    }

    Teardown teardown() {
        return rt.teardown();
    }

    CompletableFuture<Void> bodyDoneFuture() {
        return bodyDoneFuture;
    }

    void awaitBodyDone() {
        bodyDone.await();
    }

    /** A one-shot's failure, collected to be raised when the nursery ends. */
    void record(Throwable error) {
        errors.add(error);
    }

    /**
     * A one-shot has its outcome. When the last one has and some failed, every other child (the daemons)
     * is cancelled, as tractor does once its run-in-actor children are done.
     */
    void oneShotDone() {
        boolean cancelRest;
        synchronized (this) {
            cancelRest = --oneShotsPending == 0 && !errors.isEmpty();
        }
        if (cancelRest) {
            cancelCalled = true;
            children.stream().filter(c -> !c.isOneShot()).forEach(ChildSupervisor::cancel);
        }
    }

    @Override
    public Portal startActor(String name, ActorOptions options) {
        return spawn(name, options, null, new Object[0]);
    }

    @Override
    public Portal runInActor(String name, ActorOptions options, Endpoint endpoint, Object... args) {
        return spawn(name, options.enable(endpoint.className()), endpoint, args);
    }

    private PortalImpl spawn(String name, ActorOptions o, Endpoint main, Object[] args) {
        checkEnabled(name, o);
        ActorId child = ActorId.random(name);
        Uid cu = ErrorBox.uid(child);
        String backend = o.spawnBackend() != null ? o.spawnBackend() : rt.config().defaultBackend();
        checkReachable(name, backend, o);
        CompletableFuture<Channel> back = rt.peers().expect(cu);
        jdk.jfr.Event spawned = JfrEvents.ACTOR_SPAWNED.begin();
        ChildHandle h;
        try {
            h = rt.backends().get(backend).spawn(request(child, backend, o));
        } catch (SpawnException e) {
            rt.peers().forget(cu);
            throw new ActorStartupError("could not spawn actor \"" + name + "\" with the " + backend + " backend: " + e.getMessage(), e);
        }
        Channel ch = awaitConnectBack(child, back, h, o.spawnTimeout());
        JfrEvents.actorSpawned(rt, spawned, child, backend);
        PortalImpl portal = new PortalImpl(rt, ch, main != null);
        ChildSupervisor sup = new ChildSupervisor(name, h, portal, this, main, args);
        try {
            ch.send(rt.debug().annotate(SpawnSpecs.make(rt.config(), o.enabled())));
            rt.debug().announce(child, h);
            children.add(sup);
            if (main != null) {
                synchronized (this) {
                    oneShotsPending++;
                }
            }
            inner.startSoon("supervise " + name, sup::supervise);
        } catch (RuntimeException e) {
            sup.reap();
            throw e;
        }
        return portal;
    }

    /**
     * The inproc transport connects only actors that share this JVM and this copy of the transport: a
     * child of another process, or of an isolated class loader (its own listener table), could never
     * connect back, so it is refused before anything starts.
     */
    private void checkReachable(String name, String backend, ActorOptions o) {
        if (!rt.config().transport().name().equals("inproc")) return;
        if (!"thread".equals(backend)) {
            throw new ActorStartupError("cannot spawn actor \"" + name + "\" with the " + backend + " backend: the inproc transport only "
                    + "reaches actors in this JVM (use the thread backend, or transport tcp or uds)");
        }
        if ("isolated".equals(o.backendOptions().get("classLoader"))) {
            throw new ActorStartupError("cannot spawn actor \"" + name + "\" with classLoader=isolated: the inproc transport only reaches "
                    + "actors in this JVM that share its class loader (use classLoader=shared, or transport tcp or uds)");
        }
    }

    /**
     * Resolves the enabled classes here first, as tractor imports enabled modules in the parent: a class
     * that does not exist fails the spawn locally, before any child is started.
     */
    private void checkEnabled(String name, ActorOptions o) {
        for (String c : o.enabled()) {
            try {
                Class.forName(c, true, rt.config().loader()); // initialized, as tractor imports enabled modules
            } catch (ClassNotFoundException | LinkageError e) {
                throw new ActorStartupError("actor \"" + name + "\" enables class " + c + ", which cannot be loaded here: " + e, e);
            }
        }
    }

    private SpawnRequest request(ActorId child, String backend, ActorOptions o) {
        String level = o.logLevel() != null ? o.logLevel() : rt.config().logLevel();
        List<String> args = new ArrayList<>(List.of(rt.address(), child.name(), child.uuid(), "thread".equals(backend) ? ChildMain.IN_JVM : "jvm"));
        if ("thread".equals(backend)) args.add(level != null ? level : ""); // a thread child's level: its JVM's properties are its parent's
        if ("thread".equals(backend) && "isolated".equals(o.backendOptions().get("classLoader"))) {
            args.addAll(Secrets.inJvmArgs(rt.config().transportOptions())); // in memory: its own class loader shares no objects with us
        }
        tractor.transport.spi.TransportSecurity security = rt.config().transportOptions().security(); // in memory for in-JVM children
        ChildEntry entry = new ChildEntry("tractor.runtime", ChildMain.class.getName(), a -> ChildMain.runInJvm(a, security));
        List<String> jvm = new java.util.ArrayList<>(LogLevels.jvmOptions(level));
        jvm.addAll(o.jvmOptions());
        jvm.addAll(rt.debug().jvmOptions(child, backend));
        Map<String, String> env = Secrets.childEnvironment(rt.config().transportOptions()); // never on a command line
        return new SpawnRequest(child.name(), child.uuid(), entry, args, env, jvm, o.backendOptions());
    }

    /** Waits for the child to connect back, racing its exit and the spawn timeout; reaps it on failure. */
    private Channel awaitConnectBack(ActorId child, CompletableFuture<Channel> back, ChildHandle h, Duration timeout) {
        try {
            Waits.await(CompletableFuture.anyOf(back, h.onExit()), timeout);
            if (back.isDone() && !back.isCancelled()) return back.join();
        } catch (Cancelled c) {
            stopNow(h);
            throw c;
        } catch (Exception e) {
            stopNow(h);
            throw new ActorStartupError("spawning actor \"" + child.name() + "\" failed: " + e, e);
        } finally {
            rt.peers().forget(ErrorBox.uid(child));
        }
        if (h.onExit().isDone()) {
            throw new ActorStartupError("actor \"" + child.name() + "\" (" + h.describe() + ") exited with code " + h.onExit().join()
                    + " before connecting back; its stderr ended with:\n" + h.stderrTail());
        }
        stopNow(h);
        throw new ActorStartupError("actor \"" + child.name() + "\" (" + h.describe() + ") did not connect back within " + timeout
                + "; its stderr ended with:\n" + h.stderrTail());
    }

    private void stopNow(ChildHandle h) {
        h.hardStop();
        try {
            CancelScope.runShielded(s -> Waits.await(h.onExit(), rt.teardown().terminateGrace()));
        } catch (Exception e) {
            Log.warn(rt, "could not confirm the end of " + h.describe() + ": " + e);
        }
    }

    /** The child {@code uid} was reaped (or lost): its incarnation is refused from now on. */
    void retire(Uid uid) {
        rt.peers().retire(uid);
    }

    @Override
    public void cancel() {
        cancelCalled = true;
        List<ChildSupervisor> all = new ArrayList<>(children);
        all.forEach(ChildSupervisor::cancel);
        all.forEach(ChildSupervisor::awaitReaped);
    }

    @Override
    public boolean cancelCalled() {
        return cancelCalled || inner.cancelScope().cancelCalled();
    }

    @Override
    public String toString() {
        return "actor nursery of " + rt + " (" + children.size() + " children)";
    }
}
