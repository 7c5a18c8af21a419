package tractor.runtime.it;

import java.util.concurrent.atomic.AtomicInteger;

/** Endpoints of the security tests: what a child was handed, and a call an intruder must never reach. */
public final class Secured {
    private Secured() {}

    /** How often {@link #touch()} ran in this JVM. */
    public static final AtomicInteger TOUCHED = new AtomicInteger();

    public static int touch() {
        return TOUCHED.incrementAndGet();
    }

    /** The secret this JVM's environment carries (a child process gets it there), or "" without one. */
    public static String environmentSecret() {
        String s = System.getenv("TRACTOR_SECRET");
        return s == null ? "" : s;
    }

    /** This process's command line as the OS shows it to everyone. */
    public static String commandLine() {
        return ProcessHandle.current().info().commandLine().orElse("");
    }

    /** Whether the current actor runs in a JVM of its own (a process child) rather than in its parent's. */
    public static long pid() {
        return ProcessHandle.current().pid();
    }
}
