package tractor.runtime.it;

import tractor.Context;
import tractor.MsgStream;
import tractor.Tractor;

/** Endpoints of the discovery scenarios (children load this class from the class path). */
public final class Discover {
    private Discover() {}

    /** The address the calling actor listens on. */
    public static String myAddress() {
        return Tractor.currentActor().address();
    }

    /** The registry address the calling actor knows. */
    public static String myRegistry() {
        return Tractor.currentActor().registryAddress();
    }

    /** Finds the actor named {@code name} by name and asks it its name; "none" when none is registered. */
    public static String findAndAsk(String name) {
        return Tractor.findActor(name).map(p -> p.run(Calls::whoAmI)).orElse("none");
    }

    /** The message the cluster test streams to every worker. */
    public static final String MESSAGE = "tractor:rocks";

    /**
     * How many messages a cluster worker takes before it acknowledges them: at most the default stream buffer
     * (64). The worker allows overruns only once it opens its stream, after {@code started()}; messages the
     * parent sends before that count against the default buffer, and with 256 in flight a fast parent
     * overran a worker still between {@code started()} and {@code openStream(true)} (seen once the receive
     * path got faster).
     */
    public static final int WINDOW = 64;

    /**
     * tractor's cluster {@code worker}: started, then receives the stream (overruns allowed) checking every
     * message is {@link #MESSAGE}, acknowledging every {@link #WINDOW}th with the count so far; returns how
     * many it got.
     */
    public static long worker(Context ctx) {
        ctx.started();
        long n = 0;
        try (MsgStream s = ctx.openStream(true)) {
            for (Object m : s) {
                if (!MESSAGE.equals(m)) throw new IllegalStateException("worker " + Tractor.currentActor().name() + " got " + m);
                if (++n % WINDOW == 0) s.send(n);
            }
        }
        return n;
    }
}
