package tractor.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tractor.testkit.Bounded;

/** {@link DebugPauses} in a pseudo-terminal: a root pause, then two children queued on the tty lock. */
@Bounded(seconds = 60)
class DebugPausesTerminalTest {
    static final Duration WAIT = Duration.ofSeconds(20);
    static final Pattern ATTACH = Pattern.compile("attach a debugger to (\\S+) \\(pid (\\d+)\\) at (127\\.0\\.0\\.1:\\d+)");
    static final Pattern HOLDER = Pattern.compile(">>> (pauser_\\d) \\(pid \\d+, thread \"[^\"]*\"\\) paused");
    static final Pattern QUEUED = Pattern.compile("\\.\\.\\. (pauser_\\d) waits for the terminal \\(held by (pauser_\\d)\\)");

    @Test
    void rootPausesThenOneChildHoldsTheTerminalWhileTheOtherQueues() throws Exception {
        try (Terminal t = Terminal.start(DebugPauses.class)) {
            String s = t.awaitText(">>> root (pid", WAIT);
            Map<String, String[]> agents = agents(s);
            assertEquals(2, agents.size(), s);
            assertTrue(s.contains("at tractor.examples.DebugPauses.lambda$main$0(DebugPauses.java:"), s);
            assertFalse(s.contains("the root went on"), "the root must hold until Enter:\n" + s);
            t.pressEnter();

            s = t.await("one child holding the terminal and the other queued", WAIT, x -> HOLDER.matcher(x).find() && QUEUED.matcher(x).find());
            assertTrue(s.contains("<<< root resumed by Enter"), s);
            Matcher holder = HOLDER.matcher(s);
            Matcher queued = QUEUED.matcher(s);
            assertTrue(holder.find() && queued.find(), s);
            String first = holder.group(1), second = queued.group(1);
            assertEquals(first, queued.group(2), s);
            assertTrue(s.contains("at tractor.examples.DebugPauses.pauseOnce(DebugPauses.java:"), s);
            assertTrue(s.contains("or from a debugger at " + agents.get(first)[1]), s);

            // resume the first pauser from a real debugger attached to its JDWP agent
            assertEquals(1, Debugger.resumeHolds(agents.get(first)[1]));
            s = t.awaitText(">>> " + second + " (pid", WAIT);
            assertTrue(s.contains("<<< " + first + " resumed by a debugger"), s);
            t.pressEnter();

            s = t.awaitText("the tree ended", WAIT);
            assertTrue(s.contains("<<< " + second + " resumed by Enter"), s);
            assertTrue(s.contains("[pauser_1 went on, pauser_2 went on]"), s);
            assertEquals(0, t.awaitExit(WAIT), t.screen());
            for (String[] a : agents.values()) assertFalse(ProcessHandle.of(Long.parseLong(a[0])).isPresent(), "child pid " + a[0] + " is alive");
        }
    }

    /** Ctrl-C on the root while a child's pause holds the terminal: the tree is cancelled, holds end, no crash hold. */
    @Test
    void ctrlCWhileAChildHoldsCancelsTheTree() throws Exception {
        try (Terminal t = Terminal.start(DebugPauses.class)) {
            String s = t.awaitText(">>> root (pid", WAIT);
            Map<String, String[]> agents = agents(s);
            t.pressEnter();
            s = t.await("a child holding the terminal", WAIT, x -> HOLDER.matcher(x).find() && QUEUED.matcher(x).find());
            Matcher m = HOLDER.matcher(s);
            assertTrue(m.find(), s);
            String holder = m.group(1);
            t.pressCtrlC();

            assertEquals(130, t.awaitExit(WAIT), t.screen());
            s = t.screen();
            assertTrue(s.contains("<<< " + holder + " stopped holding (cancelled or gone)"), s);
            // a child's end may reach the root as an error before the root's own SIGINT does (the terminal
            // signals the whole process group): a crash hold may then show, but the cancellation ends it
            assertEquals(count(HOLD, s), count(Pattern.compile("<<< "), s), "every hold ended:\n" + s);
            assertFalse(s.contains("pauser_1 went on") || s.contains("pauser_2 went on"), s);
            for (String[] a : agents.values()) assertFalse(ProcessHandle.of(Long.parseLong(a[0])).isPresent(), "child pid " + a[0] + " is alive");
        }
    }

    private static long count(Pattern p, String s) {
        return p.matcher(s).results().count();
    }

    /** Reports and their end lines, anywhere on a line (the terminal echoes {@code ^C} in front of one). */
    static final Pattern HOLD = Pattern.compile("(>>>|!!!) ");

    /** The announced children: name → {pid, JDWP address}. */
    static Map<String, String[]> agents(String screen) {
        Map<String, String[]> all = new LinkedHashMap<>();
        Matcher m = ATTACH.matcher(screen);
        while (m.find()) all.put(m.group(1), new String[] {m.group(2), m.group(3)});
        return all;
    }
}
