package tractor.runtime;

import java.time.Duration;
import tractor.Endpoint;
import tractor.RemoteActorError;
import tractor.Teardown;
import tractor.sc.CancelScope;
import tractor.sc.Cancelled;
import tractor.sc.Sc;
import tractor.spawn.spi.ChildHandle;

/**
 * Supervises one child from its parent: for a {@code runInActor} child runs its one call, then waits
 * for the child to end; when cancelled (one-cancels-all, {@code an.cancel()}) or failing, reaps it by the
 * teardown ladder: a runtime-cancel request acknowledged within the ack wait, the nursery's budget to
 * exit, a soft stop, the terminate grace, a hard stop; every child is waited for.
 */
final class ChildSupervisor {
    final String name;
    final ChildHandle handle;
    final PortalImpl portal;
    private final Teardown teardown;
    private final Endpoint main;
    private final Object[] args;

    ChildSupervisor(String name, ChildHandle handle, PortalImpl portal, Teardown teardown, Endpoint main, Object[] args) {
        this.name = name;
        this.handle = handle;
        this.portal = portal;
        this.teardown = teardown;
        this.main = main;
        this.args = args;
    }

    private final tractor.sc.Event reaped = new tractor.sc.Event();
    private volatile CancelScope scope;
    private volatile boolean cancelRequested;

    /**
     * The supervising task's body. A cancellation of this supervisor alone ({@link #cancel()}, from
     * {@code an.cancel()}) reaps the child and ends quietly; any other cancellation or a failure reaps
     * it and propagates.
     */
    void supervise() throws Exception {
        try {
            CancelScope.run(s -> {
                scope = s;
                if (cancelRequested) s.cancel();
                try {
                    if (main != null) runMain();
                    int code = Waits.await(handle.onExit());
                    if (code != 0) {
                        throw new tractor.ActorCrashed(portal.peer(), code, handle.describe() + (handle.stderrTail().isBlank() ? ""
                                : ", stderr ended with:\n" + handle.stderrTail()));
                    }
                } catch (Cancelled | Exception e) {
                    reap();
                    throw e;
                }
            });
        } finally {
            reaped.set();
        }
    }

    /** Asks this supervisor to reap its child (see {@link #supervise()}). */
    void cancel() {
        cancelRequested = true;
        CancelScope s = scope;
        if (s != null) s.cancel();
    }

    /** Waits until the child was reaped or the supervisor ended. */
    void awaitReaped() {
        reaped.await();
    }

    private void runMain() {
        Object r;
        try {
            r = portal.call(main, Object.class, args);
        } catch (RemoteActorError e) {
            portal.result.completeExceptionally(e);
            throw e;
        } catch (RuntimeException | Error e) {
            portal.result.completeExceptionally(e);
            throw e;
        }
        portal.result.complete(r);
        portal.cancelActor();
    }

    /** The teardown ladder; shielded, so it completes even under the cancellation that asked for it. */
    void reap() {
        if (handle.onExit().isDone()) return;
        try {
            CancelScope.runShielded(s -> {
                long budgetEnd = Sc.deadlineAfter(teardown.nurseryBudget());
                boolean acked = portal.channel().isOpen() && portal.cancelActor();
                if (acked && Waits.await(handle.onExit(), Duration.ofNanos(Math.max(0, budgetEnd - System.nanoTime())))) return;
                handle.softStop();
                if (Waits.await(handle.onExit(), teardown.terminateGrace())) return;
                Log.warn(name, "did not exit within " + teardown.terminateGrace() + " of a soft stop: hard-stopping " + handle.describe());
                handle.hardStop();
                Waits.await(handle.onExit());
            });
        } catch (Exception e) {
            handle.hardStop();
            Log.warn(name, "reaping " + handle.describe() + " failed: " + e);
        }
    }

    @Override
    public String toString() {
        return "supervisor of " + name + " (" + handle.describe() + ")";
    }
}
