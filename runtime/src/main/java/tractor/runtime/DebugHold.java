package tractor.runtime;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * Where a paused or crashed task waits in debug mode. The held thread's stack shows
 * {@code DebugHold.await} right above the code that paused, so a debugger attached to the actor's JVM
 * finds it; the debugger resumes the task by setting this hold's {@link #resume} field to {@code true}
 * (JDWP {@code ObjectReference.SetValues}; in an IDE: suspend the thread, select the {@code await}
 * frame, set {@code this.resume}, resume the JVM). The root's terminal resumes it through
 * {@link #resumeFromTerminal()}. The field is read every {@link #POLL}: a debugger's write wakes no
 * one.
 */
final class DebugHold {
    /** How often the held thread looks at {@link #resume}. */
    static final Duration POLL = Duration.ofMillis(100);

    /** Who resumed a hold. */
    enum By {
        TERMINAL("Enter"), DEBUGGER("a debugger"), END("its own end");

        private final String text;

        By(String text) {
            this.text = text;
        }

        @Override
        public String toString() {
            return text;
        }
    }

    /** Set to {@code true} by a debugger to resume the held task. */
    volatile boolean resume;
    private final CompletableFuture<Void> terminal = new CompletableFuture<>();

    /** Holds the calling thread until resumed; a checkpoint (a cancellation ends the hold). */
    By await() throws Exception {
        while (!resume) {
            if (Waits.await(terminal, POLL)) return By.TERMINAL;
        }
        return By.DEBUGGER;
    }

    /** Resumes the held task, as a key press on the root's terminal does. */
    void resumeFromTerminal() {
        terminal.complete(null);
    }

    @Override
    public String toString() {
        return "debug hold (" + (resume ? "resumed by a debugger" : terminal.isDone() ? "resumed from the terminal" : "holding") + ")";
    }
}
