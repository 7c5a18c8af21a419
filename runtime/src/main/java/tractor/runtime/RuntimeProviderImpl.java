package tractor.runtime;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import tractor.Actor;
import tractor.ActorNursery;
import tractor.RootOptions;
import tractor.RuntimeFailure;
import tractor.Tractor;
import tractor.spi.RuntimeProvider;

/**
 * The runtime behind {@link Tractor}. One root per program; a root is torn down gracefully when the
 * JVM is asked to exit (SIGINT, SIGTERM): its tree is cancelled and every child reaped before the JVM
 * goes.
 */
public final class RuntimeProviderImpl implements RuntimeProvider {
    private static final AtomicBoolean ROOT_RUNNING = new AtomicBoolean();

    @Override
    public void openNursery(RootOptions options, Tractor.Body<ActorNursery> body) throws Exception {
        ActorRuntime current = ActorRuntime.CURRENT.get();
        if (current != null) {
            ActorNurseryImpl.open(current, body);
            return;
        }
        openRoot(options, actor -> ActorNurseryImpl.open((ActorRuntime) actor, body));
    }

    @Override
    public void openRoot(RootOptions options, Tractor.Body<Actor> body) throws Exception {
        ActorRuntime current = ActorRuntime.CURRENT.get();
        if (current != null) {
            throw new RuntimeFailure("actor " + current + " already runs in this task: a root cannot be opened inside an actor");
        }
        if (!ROOT_RUNNING.compareAndSet(false, true)) {
            throw new RuntimeFailure("a root actor already runs in this program: open nurseries inside it instead of a second root");
        }
        try {
            RootBoot.Booted b = RootBoot.boot(options, RuntimeProviderImpl.class.getClassLoader());
            ActorRuntime rt = new ActorRuntime(b.config());
            if (options.debugMode()) rt.debug().enableInRoot();
            CountDownLatch ended = new CountDownLatch(1);
            Thread hook = exitHook(rt, ended, b.config().teardown());
            Runtime.getRuntime().addShutdownHook(hook);
            try {
                rt.run(b.listeners(), null, () -> rt.debug().guard(() -> body.run(rt)));
            } finally {
                ended.countDown();
                removeHook(hook);
            }
        } finally {
            ROOT_RUNNING.set(false);
        }
    }

    /** On JVM exit (SIGINT, SIGTERM): cancel the tree, wait for the teardown ladder to reap it. */
    private static Thread exitHook(ActorRuntime rt, CountDownLatch ended, tractor.Teardown t) {
        Duration bound = t.nurseryBudget().plus(t.terminateGrace()).plusSeconds(1);
        return new Thread(() -> {
            rt.endSoon();
            try {
                ended.await(bound.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException ignored) {
                // exiting anyway
            }
        }, "tractor-root-exit");
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException exiting) {
            // the JVM is already exiting: the hook is running
        }
    }

    private static ActorRuntime current() {
        ActorRuntime rt = ActorRuntime.CURRENT.get();
        if (rt == null) {
            throw new tractor.NoRuntime("no actor runtime is running in this task: open one with Tractor.openNursery or Tractor.openRoot");
        }
        return rt;
    }

    @Override
    public Optional<tractor.Portal> findActor(String name) {
        return current().discovery().find(name);
    }

    @Override
    public tractor.Portal waitForActor(String name) {
        return current().discovery().await(name);
    }

    @Override
    public Optional<String> queryActor(String name) {
        return current().discovery().query(name);
    }

    @Override
    public tractor.Portal registry() {
        return current().discovery().registry();
    }

    @Override
    public void pause() {
        try {
            current().debug().pause();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Exception e) {
            throw new tractor.RuntimeFailure("the pause of " + current() + " failed: " + e, e);
        }
    }

    @Override
    public java.util.Map<tractor.ActorId, java.util.List<String>> listActors() {
        Object snapshot = current().discovery().registry().callSelf("get_registry", java.util.Map.of());
        java.util.Map<tractor.ActorId, java.util.List<String>> out = new java.util.LinkedHashMap<>();
        if (snapshot instanceof java.util.Map<?, ?> m) {
            m.forEach((k, v) -> out.put(idOf(String.valueOf(k)), v instanceof java.util.List<?> l
                    ? l.stream().map(String::valueOf).toList() : java.util.List.of(String.valueOf(v))));
        }
        return out;
    }

    /** A registry key, {@code "name.uuid"} (the name may hold dots, the uuid holds none). */
    private static tractor.ActorId idOf(String key) {
        int dot = key.lastIndexOf('.');
        return dot < 0 ? new tractor.ActorId(key, "") : new tractor.ActorId(key.substring(0, dot), key.substring(dot + 1));
    }

    @Override
    public Optional<tractor.Context> currentContext() {
        return Optional.ofNullable(ContextImpl.CURRENT.get());
    }

    @Override
    public Optional<Actor> currentActor() {
        return Optional.ofNullable(ActorRuntime.CURRENT.get());
    }
}
