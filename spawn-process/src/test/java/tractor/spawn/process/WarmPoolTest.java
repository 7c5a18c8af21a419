package tractor.spawn.process;

import static org.junit.jupiter.api.Assertions.*;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tractor.spawn.spi.ChildEntry;
import tractor.spawn.spi.ChildHandle;
import tractor.spawn.spi.SpawnException;
import tractor.spawn.spi.SpawnRequest;
import tractor.spawn.tck.TckChild;
import tractor.testkit.Bounded;

/** The warm pool: hits, refills, what a dead pooled JVM does, and that no pooled JVM outlives its parent. */
@Bounded(seconds = 60)
class WarmPoolTest {
    private static final Duration FILL = Duration.ofSeconds(20);
    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
    private PrintStream realOut;
    private ProcessBackend backend;

    @BeforeEach
    void open() {
        realOut = System.out;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        backend = new ProcessBackend();
    }

    @AfterEach
    void closeBackend() {
        try {
            backend.close();
        } finally {
            System.setOut(realOut);
        }
    }

    private ProcessBackend backend() {
        return backend;
    }

    private String capturedOut() {
        synchronized (captured) {
            return captured.toString(StandardCharsets.UTF_8);
        }
    }

    private static int exit(ChildHandle child) throws Exception {
        return child.onExit().get(10, java.util.concurrent.TimeUnit.SECONDS);
    }

    private static SpawnRequest pooled(String actor, int size, String... args) {
        return SpawnRequest.of(actor, UUID.randomUUID().toString(), new ChildEntry(null, TckChild.class.getName(), null), List.of(args))
                .withOption(WarmPool.OPTION, Integer.toString(size));
    }

    @Test
    void theFirstSpawnIsColdTheNextOneTakesAPooledJvmWithItsArgumentsAndName() throws Exception {
        ChildHandle cold = backend.spawn(pooled("cold", 1, "print", "cold start"));
        assertEquals(0, exit(cold));
        assertTrue(backend().pool().awaitIdle(1, FILL), "the pool never filled: " + backend);
        List<Long> idle = backend().pool().idlePids();
        ChildHandle hit = backend.spawn(pooled("warm", 1, "print", "an argument with spaces\tand a tab"));
        assertTrue(idle.contains(hit.pid().orElseThrow()), "not served from the pool " + idle + ": " + hit.describe());
        assertFalse(idle.contains(cold.pid().orElseThrow()));
        assertEquals(0, exit(hit));
        assertTrue(capturedOut().lines().anyMatch("[warm] an argument with spaces\tand a tab"::equals), capturedOut());
        assertEquals("process " + hit.pid().orElseThrow() + " (warm)", hit.describe());
    }

    @Test
    void aPooledJvmRunsWithC2() throws Exception {
        assertEquals(0, exit(backend.spawn(pooled("cold", 1, "print", "cold"))));
        assertTrue(backend().pool().awaitIdle(1, FILL), "the pool never filled: " + backend);
        ProcessHandle idle = ProcessHandle.of(backend().pool().idlePids().getFirst()).orElseThrow();
        List<String> args = List.of(idle.info().arguments().orElseThrow(() -> new AssertionError("no arguments readable for " + idle)));
        assertEquals("-XX:TieredStopAtLevel=4", args.stream().filter(a -> a.startsWith("-XX:TieredStopAtLevel=")).reduce((a, b) -> b).orElseThrow(),
                "the last tiered flag of the pooled JVM " + idle.pid() + " wins: " + args);
    }

    @Test
    void aHitIsRefilledInTheBackground() throws Exception {
        backend.spawn(pooled("a", 1, "print", "a"));
        assertTrue(backend().pool().awaitIdle(1, FILL));
        long first = backend().pool().idlePids().getFirst();
        ChildHandle b = backend.spawn(pooled("b", 1, "print", "b"));
        assertEquals(first, b.pid().orElseThrow());
        assertTrue(backend().pool().awaitIdle(1, FILL), "no refill after a hit: " + backend);
        assertNotEquals(first, backend().pool().idlePids().getFirst());
        assertEquals(0, exit(b));
    }

    @Test
    void aPooledJvmThatDiedIsSkippedAndTheSpawnStillSucceeds() throws Exception {
        backend.spawn(pooled("a", 1, "print", "a"));
        assertTrue(backend().pool().awaitIdle(1, FILL));
        long dead = backend().pool().idlePids().getFirst();
        ProcessHandle h = ProcessHandle.of(dead).orElseThrow();
        h.destroyForcibly();
        h.onExit().join();
        ChildHandle c = backend.spawn(pooled("c", 1, "print", "after a dead one"));
        assertNotEquals(dead, c.pid().orElseThrow());
        assertEquals(0, exit(c));
        assertTrue(capturedOut().contains("[c] after a dead one"), capturedOut());
    }

    @Test
    void closeKillsAndReapsEveryPooledJvm() throws Exception {
        backend.spawn(pooled("a", 3, "print", "a"));
        assertTrue(backend().pool().awaitIdle(3, FILL));
        List<ProcessHandle> idle = new ArrayList<>();
        for (long pid : backend().pool().idlePids()) idle.add(ProcessHandle.of(pid).orElseThrow());
        backend.close();
        for (ProcessHandle h : idle) assertFalse(h.isAlive(), "pooled JVM " + h.pid() + " survived close()");
        assertThrows(tractor.sc.ClosedResourceException.class, () -> backend.spawn(pooled("late", 1, "print", "x")));
    }

    @Test
    void aBadPoolSizeIsASpawnExceptionNamingTheOption() {
        SpawnException e = assertThrows(SpawnException.class, () -> backend.spawn(pooled("bad", 1, "print", "x").withOption(WarmPool.OPTION, "lots")));
        assertTrue(e.getMessage().contains("warmPool") && e.getMessage().contains("\"lots\""), e.getMessage());
        assertThrows(SpawnException.class, () -> backend.spawn(pooled("neg", -1, "print", "x")));
    }

    @Test
    void anArgumentThatCannotTravelOnTheStartLineIsStartedCold() throws Exception {
        assertNull(PoolMain.startLine(List.of("a\nb")));
        ChildHandle c = backend.spawn(pooled("nl", 1, "print", "two\nlines"));
        assertEquals(0, exit(c));
        assertTrue(capturedOut().contains("[nl] two"), capturedOut());
    }

    /** A middle JVM with a filled pool is SIGKILLed: its pooled JVMs read end of file and exit. */
    @Test
    void pooledJvmsEndWhenTheirParentIsKilled() throws Exception {
        List<String> cmd = new ChildCommand().build(SpawnRequest.of("middle", UUID.randomUUID().toString(),
                new ChildEntry(null, PoolMiddleMain.class.getName(), null), List.of()));
        Process middle = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        List<Long> pooled = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(middle.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; pooled.isEmpty() && (line = out.readLine()) != null; ) {
                if (line.startsWith("pooled ")) for (String p : line.substring(7).split(" ")) pooled.add(Long.parseLong(p));
            }
            assertEquals(2, pooled.size(), "the middle JVM reported no pool");
            middle.destroyForcibly();
            middle.waitFor();
            for (long pid : pooled) assertTrue(ProcessBackendTest.exitsWithin(pid, Duration.ofSeconds(2)), "pooled JVM " + pid + " survived its parent");
        } finally {
            middle.destroyForcibly();
            for (long pid : pooled) ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        }
    }
}
