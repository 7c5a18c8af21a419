package tractor.spawn.process;

import static org.junit.jupiter.api.Assertions.*;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tractor.spawn.spi.ChildEntry;
import tractor.spawn.spi.ChildHandle;
import tractor.spawn.spi.SpawnBackend;
import tractor.spawn.spi.SpawnBackendProvider;
import tractor.spawn.spi.SpawnException;
import tractor.spawn.spi.SpawnRequest;
import tractor.spawn.tck.SpawnTck;

/** The TCK on child JVMs, plus what only processes have: signals, stderr forwarding, the stdin contract. */
class ProcessBackendTest extends SpawnTck {
    @Override protected SpawnBackend newBackend() { return new ProcessBackendProvider().create(); }
    @Override protected int exitStatus(int status) { return status; }
    @Override protected String forwarded(String actor, String line) { return "[" + actor + "] " + line; }

    @Test
    void theProviderIsFoundByName() {
        getClass().getModule().addUses(SpawnBackendProvider.class); // the test, not the backend, is the consumer
        List<String> names = ServiceLoader.load(SpawnBackendProvider.class).stream().map(p -> p.get().name()).toList();
        assertTrue(names.contains("process"), names.toString());
        assertEquals("process", backend.name());
    }

    @Test
    void describeAndPidNameTheProcess() throws Exception {
        ChildHandle child = backend.spawn(request("pid_test", "print", "x"));
        long pid = child.pid().orElseThrow();
        assertEquals("process " + pid + " (pid_test)", child.describe());
        assertEquals(0, exit(child));
    }

    @Test
    void signalsGiveTheirStatuses() throws Exception {
        ChildHandle soft = backend.spawn(request("soft", "block"));
        ChildHandle hard = backend.spawn(request("hard", "block"));
        assertTrue(awaitOut("[soft] blocking"::equals, STOP_BOUND), "soft started"); // SIGTERM after the JVM's handlers exist
        soft.softStop();
        hard.hardStop();
        assertEquals(128 + 15, exit(soft));
        assertEquals(128 + 9, exit(hard));
    }

    @Test
    void stderrIsForwardedWithThePrefix() throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream realErr = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            assertEquals(7, exit(backend.spawn(request("complainer", "fail", "7", "line one", "line two"))));
        } finally {
            System.setErr(realErr);
        }
        assertEquals(List.of("[complainer] line one", "[complainer] line two"), err.toString(StandardCharsets.UTF_8).lines().toList());
    }

    @Test
    void theEnvironmentIsInheritedAndExtended() throws Exception {
        SpawnRequest r = request("env", "env", "TRACTOR_SPAWN_TEST");
        r = new SpawnRequest(r.actorName(), r.actorUuid(), r.entry(), r.args(), Map.of("TRACTOR_SPAWN_TEST", "42"), List.of(), Map.of());
        assertEquals(0, exit(backend.spawn(r)));
        assertTrue(capturedOut().contains("[env] TRACTOR_SPAWN_TEST=42"), capturedOut());
    }

    @Test
    void aJavaBinaryThatCannotStartIsASpawnExceptionNamingTheCommand() {
        SpawnRequest r = request("broken", "print", "x").withOption("java", "/nonexistent/bin/java");
        SpawnException e = assertThrows(SpawnException.class, () -> backend.spawn(r));
        assertTrue(e.getMessage().contains("/nonexistent/bin/java") && e.getMessage().contains("step start"), e.getMessage());
    }

    @Test
    void aMissingMainClassIsASpawnException() {
        SpawnRequest r = SpawnRequest.of("nomain", "u", new ChildEntry(null, null, null), List.of());
        assertThrows(SpawnException.class, () -> backend.spawn(r));
    }

    @Test
    void hardStopAlsoKillsTheChildsDescendants() throws Exception {
        ChildHandle middle = backend.spawn(SpawnRequest.of("middle", "u", new ChildEntry(null, MiddleMain.class.getName(), null), List.of()));
        assertTrue(awaitOut(l -> l.startsWith("[middle] grandchild "), STOP_BOUND));
        long pid = Long.parseLong(capturedOut().lines().filter(l -> l.startsWith("[middle] grandchild ")).findFirst().orElseThrow().substring(20));
        ProcessHandle grandchild = ProcessHandle.of(pid).orElseThrow();
        middle.hardStop();
        assertEquals(137, exit(middle));
        assertTrue(exitsWithin(grandchild.pid(), STOP_BOUND), "grandchild " + pid + " survived");
    }

    /**
     * Whether an orphaned process ends within {@code bound}: polled, since there is no event for a
     * process that is not our child. An orphan is re-parented to pid 1, which may reap it late, so a
     * zombie ({@code Z} in {@code /proc/<pid>/stat}) counts as ended; {@link ProcessHandle#isAlive()}
     * would still say alive.
     */
    static boolean exitsWithin(long pid, java.time.Duration bound) throws Exception {
        long end = System.nanoTime() + bound.toNanos();
        while (System.nanoTime() < end) {
            if (ended(pid)) return true;
            Thread.sleep(10); // polling an external condition (a process dying): there is no event to wait on
        }
        return ended(pid);
    }

    private static boolean ended(long pid) throws java.io.IOException {
        java.nio.file.Path stat = java.nio.file.Path.of("/proc", Long.toString(pid), "stat");
        if (!java.nio.file.Files.isDirectory(stat.getParent())) return ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
        try {
            String s = java.nio.file.Files.readString(stat);
            char state = s.charAt(s.lastIndexOf(')') + 2);
            return state == 'Z' || state == 'X';
        } catch (java.nio.file.NoSuchFileException e) {
            return true;
        }
    }

    /**
     * The stdin contract end to end: a middle JVM (started here with a plain ProcessBuilder) spawns a
     * grandchild through the process backend and is then SIGKILLed, so neither its close() nor its
     * shutdown hook runs; the grandchild must notice end of file on its stdin and exit within 2 s.
     */
    @Test
    void aChildEndsWhenItsParentIsKilled() throws Exception {
        List<String> cmd = new ChildCommand().build(SpawnRequest.of("middle", UUID.randomUUID().toString(),
                new ChildEntry(null, MiddleMain.class.getName(), null), List.of()));
        Process middle = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        ProcessHandle grandchild = null;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(middle.getInputStream(), StandardCharsets.UTF_8))) {
            boolean watching = false;
            for (String line; (grandchild == null || !watching) && (line = out.readLine()) != null; ) {
                if (line.startsWith("grandchild ")) grandchild = ProcessHandle.of(Long.parseLong(line.substring(11))).orElseThrow();
                if (line.equals("[grandchild] watching")) watching = true;
            }
            assertNotNull(grandchild, "the middle JVM reported no grandchild");
            middle.destroyForcibly();
            middle.waitFor();
            assertTrue(exitsWithin(grandchild.pid(), java.time.Duration.ofSeconds(2)), "grandchild survived its parent by 2 s");
        } finally {
            middle.destroyForcibly();
            if (grandchild != null) grandchild.destroyForcibly();
        }
    }
}
