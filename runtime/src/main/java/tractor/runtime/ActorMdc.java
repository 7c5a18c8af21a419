package tractor.runtime;

import java.util.Map;
import org.slf4j.MDC;
import tractor.sc.Sc;

/**
 * The SLF4J MDC of an actor's tasks: {@value #ACTOR} (its name) and {@value #ACTOR_UID} (its uuid).
 * MDC values are thread locals and every task is a new virtual thread, so they are installed where
 * tasks start: by a {@link tractor.sc.TaskHook} around the actor's body (every nursery task of the
 * actor, transitively), and by {@link #propagate} for the few threads the runtime starts by hand (msg
 * loops, heartbeats).
 */
final class ActorMdc {
    private ActorMdc() {}

    /** The MDC key of the actor's name. */
    static final String ACTOR = "actor";
    /** The MDC key of the actor's uuid. */
    static final String ACTOR_UID = "actorUid";

    /** Runs {@code body} with the actor's MDC, which every task started within it inherits. */
    static void run(ActorRuntime rt, Sc.Task body) throws Exception {
        Map<String, String> mdc = Map.of(ACTOR, rt.uid().name(), ACTOR_UID, rt.uid().uuid());
        Sc.withTaskHook((name, task) -> withMdc(mdc, task), body);
    }

    /** {@code r} to run on another thread with the calling thread's MDC (unchanged when it has none). */
    static Runnable propagate(Runnable r) {
        Map<String, String> mdc = MDC.getCopyOfContextMap();
        if (mdc == null || mdc.isEmpty()) return r;
        return () -> {
            try {
                withMdc(mdc, r::run);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e); // a Runnable throws nothing checked
            }
        };
    }

    private static void withMdc(Map<String, String> mdc, Sc.Task task) throws Exception {
        Map<String, String> before = MDC.getCopyOfContextMap();
        mdc.forEach(MDC::put);
        try {
            task.run();
        } finally {
            if (before == null) MDC.clear();
            else MDC.setContextMap(before);
        }
    }

    /**
     * The calling thread's MDC and actor, to install around work done for it on a shared thread: a socket
     * channel's reader, or, on the inproc transport, the sending actor's own thread (whose actor and
     * context tasks started there would otherwise inherit).
     */
    static Snapshot capture() {
        Map<String, String> mdc = MDC.getCopyOfContextMap();
        return new Snapshot(mdc == null || mdc.isEmpty() ? null : mdc, ActorRuntime.CURRENT.get());
    }

    /** An MDC and actor captured once, installed around each piece of work (cheap when the thread has none). */
    record Snapshot(Map<String, String> values, ActorRuntime actor) {
        /** Puts the values and the actor on the current thread, outside any context; returns how to undo it. */
        Installed install() {
            Installed before = new Installed(values == null ? null : previous(values), ActorRuntime.CURRENT.get(), ContextImpl.CURRENT.get());
            if (values != null) values.forEach(MDC::put);
            if (actor != null) ActorRuntime.CURRENT.set(actor);
            if (before.context() != null) ContextImpl.CURRENT.remove();
            return before;
        }

        private static String[] previous(Map<String, String> values) {
            String[] kv = new String[2 * values.size()];
            int i = 0;
            for (String k : values.keySet()) {
                kv[i++] = k;
                kv[i++] = MDC.get(k);
            }
            return kv;
        }
    }

    /** What a thread had before {@link Snapshot#install}: MDC key/value pairs (null value: absent), actor, context. */
    record Installed(String[] mdc, ActorRuntime actor, ContextImpl context) {
        /** Puts it back. */
        void restore() {
            for (int i = 0; mdc != null && i < mdc.length; i += 2) {
                if (mdc[i + 1] == null) MDC.remove(mdc[i]);
                else MDC.put(mdc[i], mdc[i + 1]);
            }
            if (actor == null) ActorRuntime.CURRENT.remove();
            else ActorRuntime.CURRENT.set(actor);
            if (context != null) ContextImpl.CURRENT.set(context);
        }
    }
}
