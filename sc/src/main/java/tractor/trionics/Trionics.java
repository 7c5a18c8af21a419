package tractor.trionics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import tractor.sc.CancelScope;
import tractor.sc.Event;
import tractor.sc.ExceptionGroup;
import tractor.sc.Nursery;

/**
 * Structured-concurrency helpers of tractor's {@code trionics} that are plain functions:
 * concurrent entry of several {@linkplain ScopedResource scoped resources} and the optional
 * nursery. Keyed shared resources are {@link ResourceCache}; broadcasting is
 * {@link BroadcastReceiver}. ({@code collapse_eg} is {@code ExceptionGroup.collapse} and
 * {@code start_or_cancel} is built into {@code Nursery.start}.)
 * {@snippet :
 * List<ScopedResource<Connection>> conns = hosts.stream().map(Pool::connection).toList();
 * Trionics.gatherContexts(conns, all -> {
 *     for (Connection c : all) c.send("hello"); // every connection entered, in input order
 * }); // every connection exited, concurrently
 * }
 */
public final class Trionics {
    private Trionics() {}

    /**
     * Enters every resource concurrently (one task each), runs {@code body} with their values in input
     * order once all are entered, then exits them all concurrently (tractor's {@code gather_contexts}).
     *
     * <p>If entering one resource fails, the others are cancelled (their entry or their exit) and
     * the failure propagates: one error as it is, several as an {@link ExceptionGroup}; the body does
     * not run. An error of the body is thrown after every resource has exited normally; exit errors
     * raised meanwhile are attached to it as suppressed.
     *
     * @throws IllegalArgumentException when {@code resources} is empty
     * @throws IllegalStateException when a resource returns without having run its body
     */
    public static <T> void gatherContexts(List<? extends ScopedResource<? extends T>> resources,
                                          ScopedResource.Body<? super List<T>> body) throws Exception {
        Objects.requireNonNull(body, "body");
        if (resources.isEmpty()) throw new IllegalArgumentException("gatherContexts needs at least one resource, got none");
        new Gathering<T>(resources.size()).run(resources, body);
    }

    /**
     * Runs {@code body} in {@code nursery} when one is given, otherwise in a fresh nursery opened for
     * the call, inside a shielded cancel scope when {@code shield} is set (tractor's
     * {@code maybe_open_nursery}). {@code shield} has no effect when a nursery is given.
     */
    public static void maybeOpenNursery(Nursery nursery, boolean shield, Nursery.Body body) throws Exception {
        if (nursery != null) {
            body.run(nursery);
        } else if (shield) {
            CancelScope.runShielded(s -> Nursery.run(body));
        } else {
            Nursery.run(body);
        }
    }

    /** The state of one {@code gatherContexts} call. */
    private static final class Gathering<T> {
        private final Object[] values;
        private int entered;
        private final Event allEntered = new Event();
        private final Event exit = new Event();

        Gathering(int n) {
            values = new Object[n];
        }

        void run(List<? extends ScopedResource<? extends T>> resources, ScopedResource.Body<? super List<T>> body)
                throws Exception {
            Throwable[] bodyError = new Throwable[1];
            try {
                Nursery.run(n -> {
                    for (int i = 0; i < resources.size(); i++) {
                        int index = i;
                        ScopedResource<? extends T> r = resources.get(i);
                        n.startSoon("gather-" + i, () -> enterAndWait(index, r));
                    }
                    allEntered.await();
                    try {
                        body.run(snapshot());
                    } catch (Throwable t) {
                        bodyError[0] = t; // exits run uncancelled; thrown once they are done
                    } finally {
                        exit.set();
                    }
                });
            } catch (Throwable exitError) {
                if (bodyError[0] == null) throw exitError;
                bodyError[0].addSuppressed(exitError);
            }
            if (bodyError[0] instanceof Exception e) throw e;
            if (bodyError[0] instanceof Error e) throw e;
        }

        private void enterAndWait(int index, ScopedResource<? extends T> r) throws Exception {
            boolean[] ran = new boolean[1];
            r.use(v -> {
                ran[0] = true;
                entered(index, v);
                exit.await();
            });
            if (!ran[0]) throw new IllegalStateException("resource " + index + " (" + r + ") returned without running its body");
        }

        private void entered(int index, Object v) {
            boolean all;
            synchronized (this) {
                values[index] = v;
                all = ++entered == values.length;
            }
            if (all) allEntered.set();
        }

        @SuppressWarnings("unchecked")
        private synchronized List<T> snapshot() {
            return (List<T>) java.util.Collections.unmodifiableList(new ArrayList<>(Arrays.asList(values)));
        }
    }
}
