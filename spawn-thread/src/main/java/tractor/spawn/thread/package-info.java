/**
 * The {@code thread} spawn backend: every child actor runs on a daemon platform thread of this JVM,
 * named after the actor.
 *
 * <h2>Why a platform thread</h2>
 * The child's entry is a whole runtime's root: it blocks for the child's lifetime, starts its own
 * virtual threads for everything else, and may load and initialise many classes (a fresh class loader
 * when isolated), during which a virtual thread would pin its carrier. One platform thread per child
 * actor costs little (children are tens, not thousands), shows up by name in thread dumps and in the
 * test kit's leak check, and is a daemon so that a thread child dies with its JVM by construction.
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
