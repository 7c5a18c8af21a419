package tractor.runtime;

import java.time.Duration;
import tractor.ActorCrashed;
import tractor.Endpoint;
import tractor.Teardown;
import tractor.sc.CancelScope;
import tractor.sc.Cancelled;
import tractor.sc.Event;
import tractor.sc.Sc;
import tractor.spawn.spi.ChildHandle;

/**
 * Supervises one child from its parent, as a task of its actor nursery.
 *
 * <p>A daemon ({@code startActor}) is waited for until it ends; ending with a failure status is a
 * child error ({@link ActorCrashed}) that cancels the siblings at once. A one-shot ({@code runInActor})
 * runs its one call; as in tractor, its outcome is collected only once the nursery's body has ended:
 * an error is recorded with the nursery (so that many failing one-shots all surface, as a group), then
 * the child is cancelled.
 *
 * <p>When cancelled ({@code an.cancel()}, one-cancels-all) or failing, the child is reaped by the
 * teardown ladder: a runtime-cancel request acknowledged within the ack wait, the nursery's budget to
 * exit, a soft stop, the terminate grace, a hard stop; every child is waited for.
 */
final class ChildSupervisor {
    final String name;
    final ChildHandle handle;
    final PortalImpl portal;
    private final ActorNurseryImpl nursery;
    private final Teardown teardown;
    private final Endpoint main;
    private final Object[] args;
    private final Event reaped = new Event();
    private volatile CancelScope scope;
    private volatile boolean cancelRequested;
    private volatile boolean failed;

    ChildSupervisor(String name, ChildHandle handle, PortalImpl portal, ActorNurseryImpl nursery, Endpoint main, Object[] args) {
        this.name = name;
        this.handle = handle;
        this.portal = portal;
        this.nursery = nursery;
        this.teardown = nursery.teardown();
        this.main = main;
        this.args = args;
    }

    /**
     * The supervising task's body. A cancellation of this supervisor alone ({@link #cancel()}) reaps the
     * child and ends quietly; any other cancellation or a failure reaps it and propagates.
     */
    void supervise() throws Exception {
        try {
            CancelScope.run(s -> {
                scope = s;
                if (cancelRequested) s.cancel();
                try {
                    if (main != null) oneShot();
                    awaitExit();
                } catch (Cancelled | Exception e) {
                    reap();
                    throw e;
                }
            });
        } finally {
            nursery.retire(portal.channel().peerUid());
            reaped.set();
        }
    }

    /** Runs the call, waits for the body's end, records a failure with the nursery, cancels the child. */
    private void oneShot() throws Exception {
        try {
            portal.result.complete(portal.call(main, Object.class, args));
        } catch (RuntimeException e) {
            portal.result.completeExceptionally(e);
        }
        try {
            Waits.await(java.util.concurrent.CompletableFuture.anyOf(nursery.bodyDoneFuture(), handle.onExit()));
            if (!nursery.bodyDoneFuture().isDone() && handle.onExit().join() != 0) {
                awaitExit(); // it crashed while the body runs: a child error now, not at the end
            }
            nursery.awaitBodyDone();
        } catch (Cancelled c) {
            // the nursery is being cancelled (the body failed): an outcome already known still counts
            if (portal.result.isCompletedExceptionally()) {
                failed = true;
                nursery.record(portal.result.exceptionNow());
            }
            throw c;
        }
        try {
            portal.result.join();
        } catch (java.util.concurrent.CompletionException e) {
            failed = true;
            nursery.record(e.getCause());
        } finally {
            nursery.oneShotDone();
        }
        portal.cancelActor();
    }

    private void awaitExit() throws Exception {
        int code = Waits.await(handle.onExit());
        if (code != 0 && !failed) {
            throw new ActorCrashed(portal.peer(), code, handle.describe()
                    + (handle.stderrTail().isBlank() ? "" : ", stderr ended with:\n" + handle.stderrTail()));
        }
    }

    boolean isOneShot() {
        return main != null;
    }

    /** Asks this supervisor to reap its child (see {@link #supervise()}); returns at once. */
    void cancel() {
        cancelRequested = true;
        CancelScope s = scope;
        if (s != null) s.cancel();
    }

    /** Waits until the child was reaped or the supervisor ended. */
    void awaitReaped() {
        reaped.await();
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
