package tractor.runtime;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What the root prints for a hold in debug mode: who holds (actor, pid, thread), where (the top of the
 * stack, the runtime's own frames left out) and how to resume. One string, printed at once, so that
 * reports never interleave.
 */
final class DebugReport {
    private DebugReport() {}

    /** How many stack frames a report shows. */
    static final int FRAMES = 8;

    /** The report of {@code t} pausing with {@code stack}. */
    static String paused(String actor, Thread t, StackTraceElement[] stack, String jdwp) {
        List<String> lines = new ArrayList<>();
        lines.add(">>> " + who(actor, t) + " paused");
        frames(lines, userFrames(stack));
        lines.add("    press Enter to resume" + debuggerHint(jdwp));
        return String.join(System.lineSeparator(), lines);
    }

    /** The report of {@code t} holding its actor after {@code error} was raised in it. */
    static String crashed(String actor, Thread t, Throwable error, String jdwp) {
        List<String> lines = new ArrayList<>();
        lines.add("!!! " + who(actor, t) + " crashed: " + error.toString().lines().findFirst().orElse(""));
        frames(lines, userFrames(error.getStackTrace()));
        lines.add("    held in debug mode: press Enter to release it, then the error propagates" + debuggerHint(jdwp));
        return String.join(System.lineSeparator(), lines);
    }

    private static String who(String actor, Thread t) {
        String thread = t.getName().isEmpty() ? t.toString() : t.getName();
        return actor + " (pid " + ProcessHandle.current().pid() + ", thread \"" + thread + "\")";
    }

    private static String debuggerHint(String jdwp) {
        return jdwp == null ? "" : " (or from a debugger at " + jdwp + ": set resume = true on the DebugHold in that thread)";
    }

    /** The frames of user code: the runtime's, the core's and reflection's frames are left out. */
    static List<StackTraceElement> userFrames(StackTraceElement[] stack) {
        return Arrays.stream(stack).filter(f -> !isInternal(f)).toList();
    }

    private static boolean isInternal(StackTraceElement e) {
        String c = e.getClassName();
        return c.startsWith("java.lang.Thread") || c.startsWith("tractor.runtime.") || c.startsWith("tractor.sc.")
                || c.equals("tractor.Tractor") || c.startsWith("jdk.internal.reflect.") || c.startsWith("java.lang.reflect.")
                || c.startsWith("java.lang.VirtualThread") || c.startsWith("java.lang.invoke.");
    }

    private static void frames(List<String> lines, List<StackTraceElement> frames) {
        frames.stream().limit(FRAMES).forEach(f -> lines.add("      at " + f));
        if (frames.size() > FRAMES) lines.add("      ... " + (frames.size() - FRAMES) + " more");
    }
}
