package tractor.runtime;

import tractor.Context;

/**
 * The root's debug endpoints (tractor's {@code _tty_lock} module), enabled in a root opened in debug
 * mode and invoked by the other actors of its tree. Public only because endpoints must be; the package
 * is not exported.
 */
public final class TtyLock {
    private TtyLock() {}

    /**
     * Holds the root's terminal for a pause or crash in actor {@code actor}: started once the lock is
     * held, then a stream on which the root sends {@code resume} (Enter was pressed) or the actor sends
     * {@code released} (its debugger resumed it). Returns who resumed it.
     */
    public static String lockStdio(Context ctx, String actor, String report) throws Exception {
        try {
            return terminal().holdFor(ctx, actor, report);
        } catch (RuntimeException peerGone) {
            // the holder's side broke (its actor ended): the lock is released, and it is no crash of the root's
            Log.debug(ActorRuntime.CURRENT.get(), "the hold of " + actor + " ended with its peer: " + peerGone);
            return DebugHold.By.END.name();
        }
    }

    /** Prints {@code line} on the root's terminal (an actor's debugger address). */
    public static void announce(String line) {
        terminal().print(line);
    }

    private static RootTerminal terminal() {
        ActorRuntime rt = ActorRuntime.CURRENT.get();
        if (rt == null || rt.debug().terminal() == null) {
            throw new IllegalStateException("the tty lock is served by the root of a tree in debug mode, not by " + rt);
        }
        return rt.debug().terminal();
    }
}
