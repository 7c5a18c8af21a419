package tractor.sc;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;

/**
 * A node of the cancel-scope tree. A scope's parent is the scope that was innermost when it was
 * opened, possibly in another task (a task's root scope hangs under its nursery's scope).
 * Cancellation walks down the children (stopping at shields) and wakes every task whose innermost
 * scope became effectively cancelled.
 */
final class CancelScopeImpl implements CancelScope {
    enum Kind { THREAD_ROOT, TASK_ROOT, USER, NURSERY }

    final Kind kind;
    final TaskImpl owner;
    volatile CancelScopeImpl parent;
    private final Set<CancelScopeImpl> children = ConcurrentHashMap.newKeySet();
    private volatile boolean cancelCalled;
    private volatile boolean shield;
    private volatile boolean cancelledCaught;
    private volatile long deadline = NO_DEADLINE;
    private ScheduledFuture<?> timer;
    private boolean exited;
    private final String label;

    static final long NO_DEADLINE = Long.MAX_VALUE;

    private CancelScopeImpl(Kind kind, TaskImpl owner, CancelScopeImpl parent, boolean shield, String label) {
        this.kind = kind;
        this.owner = owner;
        this.parent = parent;
        this.shield = shield;
        this.label = label;
    }

    static CancelScopeImpl root(TaskImpl owner) {
        return new CancelScopeImpl(Kind.THREAD_ROOT, owner, null, false, "root of " + owner.name);
    }

    static CancelScopeImpl taskRoot(TaskImpl owner, CancelScopeImpl parent) {
        CancelScopeImpl s = new CancelScopeImpl(Kind.TASK_ROOT, owner, parent, false, "root of " + owner.name);
        parent.children.add(s);
        return s;
    }

    /** Opens a scope in the calling task and makes it the innermost one. */
    static CancelScopeImpl enter(Kind kind, boolean shield, long deadline) {
        TaskImpl t = TaskImpl.current();
        CancelScopeImpl s;
        synchronized (t.lock) {
            s = new CancelScopeImpl(kind, t, t.current, shield, null);
            s.parent.children.add(s);
            t.current = s;
        }
        if (deadline != NO_DEADLINE) s.deadline(deadline);
        t.syncInterruptFlag();
        return s;
    }

    /**
     * The scope delivering cancellation to code whose innermost scope is {@code s}: the outermost
     * cancelled scope below the first shield, or null when none is cancelled.
     */
    static CancelScopeImpl effectiveCancel(CancelScopeImpl s) {
        CancelScopeImpl source = null;
        for (CancelScopeImpl x = s; x != null; x = x.parent) {
            if (x.isCancelled()) source = x;
            if (x.shield) break;
        }
        return source;
    }

    private boolean isCancelled() {
        if (cancelCalled) return true;
        if (deadline != NO_DEADLINE && System.nanoTime() - deadline >= 0) {
            cancel();
            return true;
        }
        return false;
    }

    @Override
    public void cancel() {
        if (cancelCalled) return;
        cancelCalled = true;
        deliver(this);
    }

    private static void deliver(CancelScopeImpl s) {
        s.owner.wakeIfCancelled();
        for (CancelScopeImpl c : s.children) {
            if (!c.shield) deliver(c);
        }
    }

    @Override
    public boolean cancelCalled() {
        return cancelCalled;
    }

    @Override
    public boolean cancelledCaught() {
        return cancelledCaught;
    }

    @Override
    public boolean shield() {
        return shield;
    }

    @Override
    public void shield(boolean on) {
        shield = on;
        if (!on) deliverIfParentCancelled();
        owner.wakeIfCancelled();
    }

    private void deliverIfParentCancelled() {
        CancelScopeImpl p = parent;
        if (p != null && effectiveCancel(p) != null) deliver(this);
    }

    @Override
    public long deadline() {
        return deadline;
    }

    @Override
    public synchronized void deadline(long nanoTime) {
        deadline = nanoTime;
        if (timer != null) timer.cancel(false);
        timer = null;
        if (nanoTime == NO_DEADLINE || cancelCalled || exited) return;
        long delay = nanoTime - System.nanoTime();
        if (delay <= 0) cancel();
        else timer = Deadlines.schedule(this::cancel, delay);
    }

    /** Leaves this scope (the owner's innermost): restores the parent as innermost. */
    void exitScope() {
        TaskImpl t = owner;
        if (Thread.currentThread() != t.thread) {
            throw new WrongThreadException("a scope is closed by the thread that opened it: " + this);
        }
        synchronized (t.lock) {
            if (t.current != this) {
                throw new IllegalStateException("scopes closed out of order: closing " + this + " while " + t.current + " is innermost");
            }
            t.current = parent;
        }
        detach();
        t.syncInterruptFlag();
    }

    /** Unlinks this scope from the tree and stops its deadline timer. */
    void detach() {
        synchronized (this) {
            exited = true;
            if (timer != null) timer.cancel(false);
            timer = null;
        }
        CancelScopeImpl p = parent;
        if (p != null) p.children.remove(this);
    }

    /** Moves a task root scope under a new parent (a started task joining its nursery). */
    void reparent(CancelScopeImpl newParent) {
        CancelScopeImpl old = parent;
        newParent.children.add(this);
        parent = newParent;
        if (old != null) old.children.remove(this);
        if (effectiveCancel(newParent) != null) deliver(this);
    }

    /**
     * Decides what leaves this scope when {@code error} is in flight on exit (null for a normal exit):
     * returns what to propagate, or null when this scope catches it (a cancellation it delivered).
     */
    Throwable filterOnExit(Throwable error) {
        error = Errors.translate(error, this);
        if (error == null) return null;
        if (catches(error)) {
            cancelledCaught = true;
            return null;
        }
        return error;
    }

    /** Whether this scope, now exiting, catches {@code error}: a {@link Cancelled} it delivered. */
    boolean catches(Throwable error) {
        if (!(error instanceof Cancelled) || !cancelCalled && !isCancelled()) return false;
        return shield || parent == null || effectiveCancel(parent) == null;
    }

    void markCaught() {
        cancelledCaught = true;
    }

    @Override
    public void absorb(Cancelled c) {
        if (!catches(c)) throw c;
        cancelledCaught = true;
    }

    @Override
    public void close() {
        exitScope();
    }

    @Override
    public String toString() {
        String what = label != null ? label : kind.name().toLowerCase() + " scope@" + Integer.toHexString(hashCode()) + " of " + owner.name;
        return what + (cancelCalled ? " (cancelled)" : "") + (shield ? " (shielded)" : "");
    }
}
