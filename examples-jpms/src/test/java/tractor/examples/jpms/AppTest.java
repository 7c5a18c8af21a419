package tractor.examples.jpms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tractor.testkit.Bounded;

/**
 * The app that requires only tractor.api, run in new JVMs: on the module path and on the class path, its
 * backends being the modules put on the path and the one picked by {@code TRACTOR_SPAWN_METHOD}.
 */
@Bounded(seconds = 120)
class AppTest {
    static final Pattern PIDS = Pattern.compile("app pid=(\\d+) module=(\\S+)\\R+child pid=(\\d+) module=(\\S+) startedBy=(\\S+)"
            + "\\R+context in module=(\\S+)");

    /** The app's output, checked: it ended well, and the child's context endpoint ran where its call did (group 6 = group 4). */
    static Matcher ran(Paths.Run r) {
        assertEquals(0, r.exit(), r.output());
        Matcher m = PIDS.matcher(r.output());
        assertTrue(m.find(), r.output());
        assertEquals(m.group(4), m.group(6), "the context endpoint ran in the same module as the call: " + r.output());
        return m;
    }

    @Test
    void onTheModulePathWithOnlyTheThreadBackendAndTcp() throws Exception {
        Matcher m = ran(Paths.app(true, Set.of("tractor.spawn.thread", "tractor.transport.tcp"), "thread"));
        assertEquals("tractor.examples.jpms", m.group(2));
        assertEquals(m.group(1), m.group(3), "a thread child runs in the app's JVM");
        assertEquals("app", m.group(5), "a shared class loader: the child sees the app's statics");
    }

    @Test
    void anIsolatedThreadChildOnTheModulePathHasItsOwnCopyOfTheAppModule() throws Exception {
        Matcher m = ran(Paths.app(true, Set.of("tractor.spawn.thread", "tractor.transport.tcp"), "thread",
                "-Dtractor.examples.classLoader=isolated"));
        assertEquals(m.group(1), m.group(3), "a thread child runs in the app's JVM");
        assertEquals("tractor.examples.jpms", m.group(4), "loaded again as a named module");
        assertEquals("nobody", m.group(5), "the child's copy of the app's class has fresh statics");
    }

    @Test
    void anIsolatedThreadChildOnTheClassPathHasItsOwnCopyOfTheAppClasses() throws Exception {
        Matcher m = ran(Paths.app(false, Set.of("tractor.spawn.thread", "tractor.transport.uds"), "thread",
                "-Dtractor.examples.classLoader=isolated", "-Dtractor.transport=uds"));
        assertEquals(m.group(1), m.group(3));
        assertEquals("nobody", m.group(5), "the child's copy of the app's class has fresh statics");
    }

    @Test
    void onTheModulePathWithEveryBackendTheProcessBackendStartsAChildJvmOnTheModulePath() throws Exception {
        Matcher m = ran(Paths.app(true, Paths.BACKENDS, "process"));
        assertNotEquals(m.group(1), m.group(3), "a process child is another JVM");
        assertEquals("tractor.examples.jpms", m.group(4));
    }

    @Test
    void theSameAppOnTheClassPath() throws Exception {
        Matcher m = ran(Paths.app(false, Paths.BACKENDS, "process"));
        assertEquals("null", m.group(2), "the unnamed module");
        assertNotEquals(m.group(1), m.group(3));
        assertEquals("null", m.group(4));
    }

    @Test
    void aBackendWhoseModuleIsMissingIsReportedWithTheFix() throws Exception {
        Paths.Run r = Paths.app(true, Set.of("tractor.spawn.process", "tractor.transport.tcp"), "thread");
        assertNotEquals(0, r.exit(), r.output());
        assertTrue(r.output().contains("no spawn backend named \"thread\" (found: [process])"), r.output());
        assertTrue(r.output().contains("put its module on the module path or class path"), r.output());
    }
}
