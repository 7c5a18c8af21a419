package tractor.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tractor.testkit.Bounded;

/**
 * The README's debugging example in a pseudo-terminal: Enter is pressed for every hold shown (pauses
 * of {@code bp_forever}, the crash of {@code name_error}, then the root's) until the error leaves the
 * root; the daemon that pauses forever is cancelled and reaped.
 */
@Bounded(seconds = 60)
class MultiDaemonSubactorsTerminalTest {
    static final Duration WAIT = DebugPausesTerminalTest.WAIT;
    static final Pattern HOLD = Pattern.compile("(?m)^(>>>|!!!) ");
    static final Pattern RESUMED = Pattern.compile("(?m)^<<< ");

    @Test
    void holdsTakeTheTerminalInTurnUntilTheDaemonsErrorLeavesTheRoot() throws Exception {
        try (Terminal t = Terminal.start(MultiDaemonSubactors.class)) {
            // whichever daemon holds first, the other one's hold queues behind it
            String s = t.await("both daemons announced and a first hold", WAIT,
                    x -> x.contains("attach a debugger to name_error") && count(HOLD, x) > 0);
            Map<String, String[]> agents = DebugPausesTerminalTest.agents(s);
            assertEquals(java.util.Set.of("bp_forever", "name_error"), agents.keySet(), s);
            for (int presses = 0; !s.contains("the root raised"); presses++) {
                assertTrue(presses < 12, "still holding after 12 presses of Enter:\n" + s);
                long resumed = count(RESUMED, s);
                if (count(HOLD, s) > resumed) {
                    t.pressEnter();
                    s = t.await("the hold to end", WAIT, x -> count(RESUMED, x) > resumed);
                }
                s = t.await("another hold or the end", WAIT, x -> count(HOLD, x) > count(RESUMED, x) || x.contains("the root raised"));
            }
            assertTrue(s.indexOf(">>> bp_forever (pid") < s.indexOf("bp_forever says yo"), s);
            assertTrue(s.indexOf("bp_forever says yo") < s.indexOf("!!! name_error (pid"), s);
            assertTrue(s.contains("at tractor.examples.MultiDaemonSubactors.breakpointForever(MultiDaemonSubactors.java:"), s);
            assertTrue(s.contains("crashed: java.lang.NoSuchFieldException: doggypants"), s);
            assertTrue(s.contains("!!! root (pid"), s);
            assertTrue(s.indexOf("!!! name_error (pid") < s.indexOf("!!! root (pid"), "the daemon is held before its error reaches the root:\n" + s);
            assertTrue(s.contains("the root raised java.lang.NoSuchFieldException from name_error"), s);
            assertEquals(0, t.awaitExit(WAIT), t.screen());
            for (String[] a : agents.values()) assertFalse(DebugNestedCrashTerminalTest.alive(a[0]), "child pid " + a[0] + " is alive");
        }
    }

    private static long count(Pattern p, String s) {
        return p.matcher(s).results().count();
    }
}
