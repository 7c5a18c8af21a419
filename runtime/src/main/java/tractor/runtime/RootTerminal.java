package tractor.runtime;

import java.util.concurrent.CompletableFuture;
import tractor.Context;
import tractor.MsgStream;
import tractor.sc.Lock;
import tractor.sc.Nursery;

/**
 * The root's terminal in debug mode, owned by one hold at a time: a FIFO lock (tractor's tty lock) that
 * holds in the root take directly and holds in other actors take over RPC ({@link TtyLock}). The owner's
 * report is printed once the lock is held; an actor that must wait is announced; the owner is resumed by
 * the next line on standard input or by its own debugger.
 */
final class RootTerminal {
    private final Lock lock = new Lock();
    private final StdinLines stdin;
    private volatile String holder;

    RootTerminal(StdinLines stdin) {
        this.stdin = stdin;
    }

    /** Prints one report or notice on the root's terminal. */
    void print(String text) {
        System.out.println(text);
        System.out.flush();
    }

    /** A hold of a task of the root itself: returns once it is resumed. */
    DebugHold.By holdHere(String actor, String report) throws Exception {
        DebugHold hold = new DebugHold();
        acquire(actor, report, () -> stdin.next().thenRun(hold::resumeFromTerminal));
        DebugHold.By by = null;
        try {
            by = hold.await();
            return by;
        } finally {
            release(actor, by);
        }
    }

    /**
     * The root's side of a hold in another actor ({@code ctx} opened by it): the lock is taken, the
     * report printed, then the hold ends by a line on standard input (the peer is told {@code resume}),
     * by the peer's {@code released} (its debugger resumed it) or by the peer's end.
     */
    String holdFor(Context ctx, String actor, String report) throws Exception {
        CompletableFuture<DebugHold.By> by = new CompletableFuture<>();
        acquire(actor, report, () -> stdin.next().thenRun(() -> by.complete(DebugHold.By.TERMINAL)));
        try {
            ctx.started("locked");
            try (MsgStream stream = ctx.openStream()) {
                Nursery.run(n -> {
                    n.startSoon("debug release by " + actor, () -> by.complete(awaitRelease(stream)));
                    Waits.await(by);
                    n.cancel();
                });
                if (by.join() == DebugHold.By.TERMINAL) stream.send("resume");
                return by.join().name();
            }
        } finally {
            release(actor, by.getNow(null));
        }
    }

    private static DebugHold.By awaitRelease(MsgStream stream) {
        try {
            return "released".equals(stream.receive()) ? DebugHold.By.DEBUGGER : DebugHold.By.END;
        } catch (RuntimeException ended) {
            return DebugHold.By.END;
        }
    }

    /**
     * Takes the lock for {@code actor}, announcing the wait when another hold has it; once held, registers
     * for the next key ({@code listen}: before the report, so that a key pressed on seeing it counts) and
     * prints the report. Taking and printing are atomic: a report always comes before the notices of
     * the actors waiting behind it.
     */
    private void acquire(String actor, String report, Runnable listen) {
        synchronized (this) {
            if (lock.tryAcquire()) {
                owned(actor, report, listen);
                return;
            }
            print("... " + actor + " waits for the terminal (held by " + (holder == null ? "another actor" : holder) + ")");
        }
        lock.acquire();
        synchronized (this) {
            owned(actor, report, listen);
        }
    }

    private void owned(String actor, String report, Runnable listen) {
        holder = actor;
        listen.run();
        print(report);
    }

    /** Ends a hold: says how on the terminal (every report gets its end line), then hands the lock on. */
    private void release(String actor, DebugHold.By by) {
        synchronized (this) {
            boolean resumed = by == DebugHold.By.TERMINAL || by == DebugHold.By.DEBUGGER;
            print("<<< " + actor + (resumed ? " resumed by " + by : " stopped holding (cancelled or gone)"));
            holder = null;
        }
        lock.release();
    }

    @Override
    public String toString() {
        return "root terminal (" + lock + (holder == null ? "" : ", owner " + holder) + ")";
    }
}
