package tractor.sc;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The hand-over of {@link Nursery#start}: the task runs under the caller's scope until it reports
 * {@code started(value)}, then moves into the target nursery; an error or an end before that goes back
 * to the caller.
 */
final class TaskStarter<T> implements TaskStatus<T> {
    private enum State { PENDING, STARTED, ENDED }

    private final NurseryImpl target;
    private final String name;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private State state = State.PENDING;
    private T value;
    private Throwable error;
    private TaskImpl task;

    TaskStarter(NurseryImpl target, String name) {
        this.target = target;
        this.name = name;
    }

    /** The task thread's body; returns the report of its outcome (see {@code NurseryImpl.launch}). */
    Runnable run(Nursery.StartTask<T> fn) {
        task = TaskImpl.current();
        Throwable failure = null;
        try {
            fn.run(this);
        } catch (Throwable t) {
            failure = Errors.translate(t, task.current);
        }
        Throwable f = failure;
        return () -> ended(f);
    }

    private void ended(Throwable failure) {
        lock.lock();
        try {
            if (state == State.PENDING) {
                state = State.ENDED;
                error = failure;
                changed.signalAll();
                return;
            }
        } finally {
            lock.unlock();
        }
        target.taskEnded(failure);
    }

    @Override
    public void started(T v) {
        if (Thread.currentThread() != task.thread) {
            throw new WrongThreadException("started() is called by the task being started (" + name + ")");
        }
        lock.lock();
        try {
            if (state != State.PENDING) throw new IllegalStateException("started() called twice by task " + name);
            target.adopt(task);
            value = v;
            state = State.STARTED;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** The caller's wait: for the task to report, fail or end. */
    T awaitStarted() throws Exception {
        lock.lock();
        try {
            while (state == State.PENDING) changed.awaitUninterruptibly();
        } finally {
            lock.unlock();
        }
        TaskImpl.current().syncInterruptFlag();
        if (state == State.STARTED) return value;
        if (error != null) Errors.rethrow(error);
        CancelScopeImpl src = TaskImpl.current().cancelSource();
        if (src != null) throw new Cancelled(src);
        throw new IllegalStateException("task " + name + " exited without calling started()");
    }
}
