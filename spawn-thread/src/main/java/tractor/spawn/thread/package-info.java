/**
 * The {@code thread} spawn backend: every child actor runs on a thread of this JVM named after the actor.
 *
 * <h2>Which thread</h2>
 * With the shared class loader (the default) the child's entry runs on a <b>virtual</b> thread: it only
 * starts the runtime's own virtual threads and waits for them, so a platform thread would buy nothing and
 * cost one OS thread per actor (issue 8's target is 10,000 thread actors in one JVM, and creating a
 * platform thread costs tens of microseconds against a spawn budget of one millisecond). Virtual threads
 * never keep the JVM alive, so a thread child still dies with its JVM by construction. An <b>isolated</b>
 * child loads and initialises a fresh copy of the runtime's classes first, during which a virtual thread
 * would pin its carrier: it runs on a daemon platform thread.
 *
 * <h2>Stopping</h2>
 * {@code softStop()} interrupts the entry thread, the in-JVM runtime's cancel signal.
 * {@code hardStop()} interrupts as well and marks the child killed, but cannot do more: Java has no
 * safe way to kill a thread. The runtime's cancel request over IPC is the real mechanism; a thread
 * child that ignores it and interrupts runs until the JVM exits, and its {@code describe()} says so.
 *
 * <h2>Exit status and options</h2>
 * {@code onExit()} completes with 0 when the entry returns and 1 when it throws (the stack trace is
 * then the {@code stderrTail()}). The child's output goes straight to this JVM's {@code System.out}
 * and {@code System.err}, without a prefix. Request option {@code classLoader}: {@code shared} (the
 * default: run {@code ChildEntry.inJvm()}) or {@code isolated} (load {@code ChildEntry.mainClass()}
 * in a class loader or module layer of its own and call its {@code main}; see {@code IsolatedEntry}).
 * The request's environment and JVM options do not apply to a thread.
 */
package tractor.spawn.thread;
