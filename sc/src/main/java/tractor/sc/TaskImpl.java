package tractor.sc;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The structured-concurrency state of one thread: its innermost cancel scope. Threads started by a
 * nursery get one when they start; any other thread (main, a test runner, a pool thread) gets one
 * lazily, rooted in a scope of its own that nothing cancels unless asked to.
 *
 * <p>Interrupts are only the wake-up signal of cancellation; the scopes decide. The owner's lock
 * orders "a canceller interrupts this thread" against "this thread changes scope", so that after a
 * scope change the interrupt flag is set exactly when the new innermost scope is effectively
 * cancelled, and no stale interrupt survives leaving a cancelled scope.
 */
final class TaskImpl {
    static final Set<TaskImpl> LIVE = ConcurrentHashMap.newKeySet();
    private static final ThreadLocal<TaskImpl> CURRENT = new ThreadLocal<>();
    private static final AtomicLong IDS = new AtomicLong();

    final String name;
    volatile Thread thread;
    CancelScopeImpl root;
    final Object lock = new Object();
    volatile CancelScopeImpl current;
    /** The hooks nurseries opened by this task run their tasks through (see {@link Sc#withTaskHook}); owner thread only. */
    TaskHook hook;

    private TaskImpl(String name, Thread thread) {
        this.name = name;
        this.thread = thread;
    }

    /** The state of the calling thread, created on first use for threads no nursery started. */
    static TaskImpl current() {
        TaskImpl t = CURRENT.get();
        if (t == null) {
            Thread th = Thread.currentThread();
            t = new TaskImpl(th.getName().isEmpty() ? "thread-" + th.threadId() : th.getName(), th);
            t.current = t.root = CancelScopeImpl.root(t);
            CURRENT.set(t);
        }
        return t;
    }

    /** State for a nursery task about to start, its root scope under {@code parent}. */
    static TaskImpl forTask(String name, CancelScopeImpl parent) {
        TaskImpl t = new TaskImpl(name, null);
        t.current = t.root = CancelScopeImpl.taskRoot(t, parent);
        return t;
    }

    static String nextName(String prefix) {
        return prefix + "-" + IDS.incrementAndGet();
    }

    /** Binds this state to the calling thread, the task's own new thread. */
    void bind() {
        synchronized (lock) {
            thread = Thread.currentThread();
        }
        CURRENT.set(this);
        LIVE.add(this);
        syncInterruptFlag();
    }

    void unbind() {
        current.detach();
        LIVE.remove(this);
        CURRENT.remove();
    }

    /** The scope delivering cancellation to this task now, or null. */
    CancelScopeImpl cancelSource() {
        return CancelScopeImpl.effectiveCancel(current);
    }

    /** Called by a canceller: interrupts the thread if its innermost scope is now effectively cancelled. */
    void wakeIfCancelled() {
        synchronized (lock) {
            if (thread != null && cancelSource() != null) thread.interrupt();
        }
    }

    /** Makes the interrupt flag of the calling (owner) thread match the cancellation state. */
    void syncInterruptFlag() {
        synchronized (lock) {
            boolean cancelled = cancelSource() != null;
            Thread.interrupted();
            if (cancelled) thread.interrupt();
        }
    }

    @Override
    public String toString() {
        return "task " + name;
    }
}
