/**
 * The {@code process} spawn backend: every child actor is a new JVM.
 *
 * <h2>The child's command line</h2>
 * The same {@code java} binary as this JVM, with {@code -XX:UserThreadWaitAttemptsAtExit=0
 * --sun-misc-unsafe-memory-access=allow -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto}, the
 * request's JVM options, then this JVM's module path (when the entry's module is on it) or class path;
 * the details, and the surefire case, are on {@code ChildCommand}. The environment is this JVM's plus
 * the request's. Request options: {@code java} (another binary), {@code classPath} (another class
 * path, which forces class-path mode), {@code aotCache} (a JDK 25 AOT cache file to start from, used
 * only when it exists; also the system property {@code tractor.spawn.process.aotCache}), and
 * {@code warmPool} (an integer: serve spawns of this shape from that many pre-started JVMs, see
 * {@code WarmPool}). A request whose JVM options set class sharing itself ({@code -XX:AOT*},
 * {@code -Xshare:*}) gets neither {@code -Xshare:auto} nor a cache of ours.
 *
 * <h2>The warm pool</h2>
 * A pooled JVM runs {@code PoolMain}: it loads the entry's main class, calls its
 * {@code public static void warmUp()} if it has one, then reads one line from its standard input, the
 * child's arguments, and runs {@code main} with them. Until then it is named {@code pool}; afterwards its
 * lines are forwarded under the actor's name. Pooled JVMs are killed by {@code close()} and end by
 * themselves at end of input, like any child. A pooled JVM also gets {@code -XX:TieredStopAtLevel=4}
 * after the options above (C2 too: its boot is paid before the spawn, so a long-lived child streams at
 * C2 speed for no spawn cost); a request's own {@code -XX:TieredStopAtLevel} comes later and wins.
 *
 * <h2>Output</h2>
 * Each line the child writes is forwarded with the prefix {@code [actorName] } to this JVM's
 * {@code System.out} (its standard output) or {@code System.err} (its standard error) by one platform
 * thread per pipe, so the child never blocks on a full pipe; a line longer than 8 KiB is forwarded in
 * pieces. The last 50 lines of standard error are kept for {@code stderrTail()}.
 *
 * <h2>A child never outlives its parent: the stdin contract</h2>
 * The child's standard input is a pipe whose write end only this JVM holds (the JDK's launcher closes
 * every other descriptor in a new process, so siblings do not hold it) and never writes to. When this
 * JVM ends, however it ends (even by SIGKILL), the kernel closes that end and the child reads end of
 * file. The child runtime must therefore read {@code System.in} on a daemon thread and halt when it
 * reads end of file (or any byte: none is ever sent). That watcher lives in the runtime, which cannot
 * depend on this module; the test program {@code StdinWatchingChild} shows the pattern. Beside it,
 * {@code close()} and a shutdown hook SIGKILL the children still running.
 *
 * <h2>Stopping</h2>
 * {@code softStop()} sends SIGTERM to the child JVM (exit status 143); {@code hardStop()} sends SIGKILL
 * to it and to all its descendants (exit status 137). {@code onExit()} completes once the process is
 * reaped and its output fully forwarded.
 */
package tractor.spawn.process;
