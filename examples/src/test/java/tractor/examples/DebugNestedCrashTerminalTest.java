package tractor.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tractor.testkit.Bounded;

/**
 * {@link DebugNestedCrash} in a pseudo-terminal: the grandchild's error holds the grandchild (alive, its
 * report on the root's terminal), then each actor the error climbs through, then it leaves the root.
 */
@Bounded(seconds = 60)
class DebugNestedCrashTerminalTest {
    static final Duration WAIT = DebugPausesTerminalTest.WAIT;

    @Test
    void eachActorOnTheErrorsWayIsHeldUntilReleasedThenTheErrorPropagates() throws Exception {
        try (Terminal t = Terminal.start(DebugNestedCrash.class)) {
            String s = t.awaitText("!!! name_error (pid", WAIT);
            assertTrue(s.contains("crashed: java.lang.NoSuchFieldException: doggypants"), s);
            assertTrue(s.contains("at tractor.examples.DebugNestedCrash.nameError(DebugNestedCrash.java:"), s);
            assertTrue(s.contains("held in debug mode: press Enter to release it, then the error propagates"), s);
            Map<String, String[]> agents = DebugPausesTerminalTest.agents(s);
            assertEquals(java.util.Set.of("spawner", "name_error"), agents.keySet(), s);
            // held, not torn down: the crashed actor's JVM is alive and its error has not reached its parent
            assertTrue(alive(agents.get("name_error")[0]), s);
            assertFalse(s.contains("!!! spawner"), s);
            t.pressEnter();

            s = t.awaitText("!!! spawner (pid", WAIT);
            assertTrue(s.contains("<<< name_error resumed by Enter"), s);
            assertTrue(s.contains("crashed: tractor.RemoteActorError"), s);
            assertFalse(s.contains("!!! root"), s);
            t.pressEnter();

            s = t.awaitText("!!! root (pid", WAIT);
            assertTrue(s.contains("<<< spawner resumed by Enter"), s);
            assertFalse(s.contains("the root raised"), s);
            t.pressEnter();

            s = t.awaitText("the root raised", WAIT);
            assertTrue(s.contains("<<< root resumed by Enter"), s);
            assertTrue(s.contains("the root raised tractor.RemoteActorError from name_error via [name_error, spawner]"), s);
            assertEquals(0, t.awaitExit(WAIT), t.screen());
            for (String[] a : agents.values()) assertFalse(alive(a[0]), "child pid " + a[0] + " is alive");
        }
    }

    static boolean alive(String pid) {
        return ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive).orElse(false);
    }
}
