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

    /** The calling thread's MDC, to install around work done for it on a shared thread. */
    static Snapshot capture() {
        Map<String, String> mdc = MDC.getCopyOfContextMap();
        return new Snapshot(mdc == null || mdc.isEmpty() ? null : mdc);
    }

    /** An MDC captured once, installed and cleared around each piece of work (cheap when empty). */
    record Snapshot(Map<String, String> values) {
        /** Puts the values on the current thread. */
        void install() {
            if (values != null) values.forEach(MDC::put);
        }

        /** Removes them again. */
        void clear() {
            if (values != null) values.keySet().forEach(MDC::remove);
        }
    }
}
