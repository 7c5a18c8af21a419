package tractor.sc;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/** The one implementation of {@link Nursery}. */
final class NurseryImpl implements Nursery {
    private final CancelScopeImpl scope;
    private final TaskHook hook;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition allDone = lock.newCondition();
    private final List<Throwable> errors = new ArrayList<>();
    private int running;
    private boolean started;
    private boolean joining;
    private boolean closed;

    private NurseryImpl(CancelScopeImpl scope) {
        this.scope = scope;
        this.hook = scope.owner.hook;
    }

    static NurseryImpl open() {
        return new NurseryImpl(CancelScopeImpl.enter(CancelScopeImpl.Kind.NURSERY, false, CancelScopeImpl.NO_DEADLINE));
    }

    @Override
    public CancelScope cancelScope() {
        return scope;
    }

    @Override
    public void startSoon(String name, Sc.Task task) {
        admit();
        String n = name != null ? name : TaskImpl.nextName("task");
        Sc.Task body = hook == null ? task : () -> hook.run(n, task);
        launch(n, scope, () -> runTask(body));
    }

    @Override
    public <T> T start(String name, StartTask<T> task) throws Exception {
        ensureOpen();
        String n = name != null ? name : TaskImpl.nextName("task");
        TaskStarter<T> starter = new TaskStarter<>(this, n);
        StartTask<T> body = hook == null ? task : status -> hook.run(n, () -> task.run(status));
        launch(n, TaskImpl.current().current, () -> starter.run(body));
        return starter.awaitStarted();
    }

    /**
     * Starts a virtual thread whose task root scope hangs under {@code parent}. The body returns the
     * report of its outcome, run only after the task has left the live set, so that whoever the report
     * wakes (a joining nursery, a waiting {@code start()}) sees the task fully ended.
     */
    private void launch(String name, CancelScopeImpl parent, Supplier<Runnable> body) {
        TaskImpl t = TaskImpl.forTask(name, parent);
        t.hook = hook; // nurseries the task opens run their tasks through the same hooks
        Thread.ofVirtual().name(name).start(() -> {
            t.bind();
            Runnable report;
            try {
                report = body.get();
            } finally {
                t.unbind();
            }
            report.run();
        });
    }

    /** Runs a task body that belongs to this nursery; returns the report of its outcome. */
    private Runnable runTask(Sc.Task task) {
        Throwable failure = null;
        try {
            task.run();
        } catch (Throwable t) {
            failure = Errors.translate(t, TaskImpl.current().current);
        }
        Throwable f = failure;
        return () -> taskEnded(f);
    }

    /** Counts a new task in, or refuses it once the nursery closed. */
    void admit() {
        lock.lock();
        try {
            ensureOpenLocked();
            running++;
            started = true;
        } finally {
            lock.unlock();
        }
    }

    private void ensureOpen() {
        lock.lock();
        try {
            ensureOpenLocked();
        } finally {
            lock.unlock();
        }
    }

    private void ensureOpenLocked() {
        if (closed) throw new IllegalStateException("nursery is closed to new tasks: " + this);
    }

    /** Moves a started task (see {@link TaskStarter}) into this nursery. */
    void adopt(TaskImpl task) {
        admit();
        task.root.reparent(scope);
    }

    void taskEnded(Throwable failure) {
        lock.lock();
        try {
            if (failure != null) errors.add(failure);
            running--;
            if (running == 0) allDone.signalAll();
        } finally {
            lock.unlock();
        }
        if (failure != null) scope.cancel();
    }

    void bodyFailed(Throwable t) {
        Throwable failure = Errors.translate(t, scope);
        lock.lock();
        try {
            errors.add(failure);
        } finally {
            lock.unlock();
        }
        scope.cancel();
    }

    @Override
    public void join() throws Exception {
        checkOwner();
        Throwable out = finish();
        if (out != null) Errors.rethrow(out);
    }

    @Override
    public void close() throws Exception {
        checkOwner();
        boolean abnormal;
        lock.lock();
        try {
            abnormal = !joining;
        } finally {
            lock.unlock();
        }
        if (!abnormal) return;
        scope.cancel();
        Throwable out = finish();
        if (out != null && !(out instanceof Cancelled)) Errors.rethrow(out);
        if (started) throw new IllegalStateException("nursery closed without join(): its tasks were cancelled");
    }

    /** Waits for every task, closes, leaves the scope; returns what the nursery raises (or null). */
    private Throwable finish() {
        List<Throwable> failures;
        lock.lock();
        try {
            if (joining) return null;
            joining = true;
            while (running > 0) allDone.awaitUninterruptibly();
            closed = true;
            failures = List.copyOf(errors);
        } finally {
            lock.unlock();
        }
        List<Throwable> kept = new ArrayList<>();
        for (Throwable t : failures) {
            if (scope.catches(t)) scope.markCaught();
            else kept.add(t);
        }
        scope.exitScope();
        return Errors.combine(kept);
    }

    private void checkOwner() {
        if (Thread.currentThread() != scope.owner.thread) {
            throw new WrongThreadException("a nursery is joined and closed by the thread that opened it");
        }
    }

    @Override
    public String toString() {
        return "nursery of " + scope.owner.name + (scope.cancelCalled() ? " (cancelled)" : "");
    }
}
