package tractor.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tractor.ActorId;
import tractor.RemoteActorError;
import tractor.Tractor;
import tractor.runtime.it.DebugCalls;
import tractor.testkit.Bounded;

/**
 * Debug mode without a terminal: what holds on the root's terminal is exercised by the examples'
 * pseudo-terminal tests ({@code examples/…/*TerminalTest}). Here: pause outside debug mode, the mode
 * carried to children by the {@code SpawnSpec}, a root's mode ending with it (tractor's
 * {@code test_runtime_vars_unset}), the hold and the report.
 */
@Bounded(seconds = 30)
class DebugModeTest {
    /** tractor refuses a pause outside debug mode: here an IllegalStateException naming the option. */
    @ParameterizedTest
    @MethodSource("tractor.runtime.Matrix#pairs")
    void pauseOutsideDebugModeFailsInTheRootAndInAGrandchild(String backend, String transport) throws Exception {
        Tractor.openNursery(Matrix.root(backend, transport), an -> {
            IllegalStateException e = assertThrows(IllegalStateException.class, Tractor::pause);
            assertTrue(e.getMessage().contains("Tractor.pause() needs debug mode") && e.getMessage().contains("RootOptions.debugMode(true)"), e.getMessage());

            RemoteActorError r = assertThrows(RemoteActorError.class,
                    () -> Tractor.openNursery(inner -> inner.runInActor("spawner", DebugCalls::pauseInGrandchild)));
            assertEquals("java.lang.IllegalStateException", r.srcTypeName(), r.toString());
            assertEquals("grandchild", r.srcUid().name());
        });
    }

    /** tractor's test_runtime_vars_unset: the mode belongs to the root that had it, not to the program. */
    @Test
    void aRootsDebugModeEndsWithIt() throws Exception {
        Tractor.openRoot(Matrix.root("thread", "tcp").debugMode(true), a -> {
            DebugMode d = ((ActorRuntime) a).debug();
            assertTrue(d.on(), d.toString());
            assertTrue(((ActorRuntime) a).invoker().enabled().contains(TtyLock.class.getName()));
        });
        Tractor.openRoot(Matrix.root("thread", "tcp"), a -> {
            assertFalse(((ActorRuntime) a).debug().on());
            assertFalse(((ActorRuntime) a).invoker().enabled().contains(TtyLock.class.getName()));
            assertThrows(IllegalStateException.class, Tractor::pause);
        });
    }

    /** The mode and the root's address travel in the SpawnSpec; a child JVM gets a JDWP agent, an in-JVM child none. */
    @Test
    void theSpawnSpecCarriesTheModeAndTheRootsAddressToEveryGeneration() throws Exception {
        Tractor.openRoot(Matrix.root("thread", "tcp").debugMode(true), a -> {
            ActorRuntime root = (ActorRuntime) a;
            Msg.SpawnSpec spec = root.debug().annotate(SpawnSpecs.make(root.config(), List.of()));
            assertEquals(Boolean.TRUE, spec.runtimeVars().get(DebugMode.MODE_VAR));
            assertEquals(root.address(), spec.runtimeVars().get(DebugMode.ROOT_VAR));

            List<String> jvm = root.debug().jvmOptions(ActorId.random("worker"), "process");
            assertTrue(jvm.getFirst().matches("-agentlib:jdwp=transport=dt_socket,server=y,suspend=n,address=127\\.0\\.0\\.1:\\d+"), jvm.toString());
            assertEquals(List.of(), root.debug().jvmOptions(ActorId.random("worker"), "thread"));

            ActorRuntime child = new ActorRuntime(root.config());
            child.debug().configure(spec);
            assertTrue(child.debug().on());
            Msg.SpawnSpec grandchild = child.debug().annotate(SpawnSpecs.make(root.config(), List.of()));
            assertEquals(root.address(), grandchild.runtimeVars().get(DebugMode.ROOT_VAR), "a grandchild reaches the root, not its parent");

            ActorRuntime plain = new ActorRuntime(root.config());
            plain.debug().configure(SpawnSpecs.make(root.config(), List.of()));
            assertFalse(plain.debug().on(), "a SpawnSpec without the mode leaves it off");
        });
    }

    @Test
    void aHoldEndsByTheTerminalOrByItsResumeFieldAsADebuggerSetsIt() throws Exception {
        DebugHold byKey = new DebugHold();
        byKey.resumeFromTerminal();
        assertEquals(DebugHold.By.TERMINAL, byKey.await());

        DebugHold byDebugger = new DebugHold();
        Thread setter = Thread.ofVirtual().start(() -> byDebugger.resume = true);
        assertEquals(DebugHold.By.DEBUGGER, byDebugger.await());
        setter.join();
    }

    @Test
    void aReportNamesTheActorThreadAndUserFramesOnly() {
        Thread t = Thread.currentThread();
        StackTraceElement[] stack = {
                new StackTraceElement("java.lang.Thread", "getStackTrace", "Thread.java", 1),
                new StackTraceElement("tractor.runtime.DebugMode", "pause", "DebugMode.java", 2),
                new StackTraceElement("tractor.Tractor", "pause", "Tractor.java", 3),
                new StackTraceElement("app.Worker", "work", "Worker.java", 42),
                new StackTraceElement("jdk.internal.reflect.DirectMethodHandleAccessor", "invoke", null, 4),
                new StackTraceElement("tractor.runtime.RpcServer", "invoke", "RpcServer.java", 5)};
        String r = DebugReport.paused("worker_3", t, stack, "127.0.0.1:40123");
        List<String> lines = r.lines().toList();
        assertEquals(">>> worker_3 (pid " + ProcessHandle.current().pid() + ", thread \"" + t.getName() + "\") paused", lines.get(0));
        assertEquals("      at app.Worker.work(Worker.java:42)", lines.get(1));
        assertEquals(3, lines.size(), r);
        assertTrue(lines.get(2).contains("press Enter to resume (or from a debugger at 127.0.0.1:40123: set resume = true"), r);

        String c = DebugReport.crashed("worker_3", t, new IllegalStateException("boom\nsecond line"), null);
        assertTrue(c.startsWith("!!! worker_3 (pid "), c);
        assertTrue(c.lines().findFirst().orElseThrow().endsWith("crashed: java.lang.IllegalStateException: boom"), c);
        assertTrue(c.lines().toList().getLast().equals("    held in debug mode: press Enter to release it, then the error propagates"), c);
        assertFalse(c.contains("tractor.runtime."), "the runtime's frames are left out: " + c);
    }
}
