package tractor.spawn.tck;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tractor.spawn.spi.ChildEntry;
import tractor.spawn.spi.ChildHandle;
import tractor.spawn.spi.SpawnBackend;
import tractor.spawn.spi.SpawnRequest;
import tractor.testkit.Bounded;

/**
 * The spawn TCK: every spawn backend runs these tests by supplying a backend and saying how it reports
 * exit statuses and output. The child program is {@link TckChild}, named by class for child JVMs
 * (class-path mode) and by function for in-JVM children. Standard output is captured (not echoed)
 * while a test runs, so the tests run one at a time (JUnit's default).
 */
@Bounded(seconds = 30)
public abstract class SpawnTck {
    /** How long a stopped child may take to end. */
    protected static final Duration STOP_BOUND = Duration.ofSeconds(10);

    private final Capture captured = new Capture();
    private PrintStream realOut;
    protected SpawnBackend backend;

    /** A new backend of the kind under test. */
    protected abstract SpawnBackend newBackend();

    /** The exit status the backend reports for a child that asked to exit with {@code status}. */
    protected abstract int exitStatus(int status);

    /** The line forwarded to this JVM's standard output when child {@code actor} printed {@code line}. */
    protected abstract String forwarded(String actor, String line);

    @BeforeEach
    void open() {
        realOut = System.out;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        backend = newBackend();
    }

    @AfterEach
    void closeBackend() {
        try {
            backend.close();
        } finally {
            System.setOut(realOut);
        }
    }

    protected static SpawnRequest request(String actor, String... args) {
        return SpawnRequest.of(actor, UUID.randomUUID().toString(),
                new ChildEntry(null, TckChild.class.getName(), TckChild::run), List.of(args));
    }

    protected static int exit(ChildHandle child) throws Exception {
        return child.onExit().get(STOP_BOUND.toMillis(), TimeUnit.MILLISECONDS);
    }

    protected String capturedOut() {
        return captured.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aChildThatPrintsAndReturnsExitsZeroWithItsOutputForwarded() throws Exception {
        ChildHandle child = backend.spawn(request("printer", "print", "hello from the child"));
        assertEquals(0, exit(child));
        assertTrue(capturedOut().lines().anyMatch(forwarded("printer", "hello from the child")::equals), capturedOut());
    }

    @Test
    void aFailingChildReportsItsStatusAndItsLastStderrLines() throws Exception {
        ChildHandle child = backend.spawn(request("failer", "fail", "3", "first trouble", "fatal: no luck"));
        assertEquals(exitStatus(3), exit(child));
        assertTrue(child.stderrTail().contains("fatal: no luck"), child.stderrTail());
    }

    @Test
    void softStopEndsABlockedChild() throws Exception {
        ChildHandle child = backend.spawn(request("sleeper", "block"));
        assertFalse(child.waitFor(Duration.ofMillis(100)), "a blocked child is still running");
        child.softStop();
        assertTrue(child.waitFor(STOP_BOUND), child.describe() + " survived softStop");
    }

    @Test
    void hardStopEndsABlockedChild() throws Exception {
        ChildHandle child = backend.spawn(request("sleeper", "block"));
        child.hardStop();
        assertTrue(child.waitFor(STOP_BOUND), child.describe() + " survived hardStop");
    }

    @Test
    void waitForTimesOutWhileTheChildRuns() throws Exception {
        ChildHandle child = backend.spawn(request("sleeper", "block"));
        assertFalse(child.waitFor(Duration.ofMillis(50)));
        assertFalse(child.onExit().isDone());
        child.hardStop();
        assertTrue(child.waitFor(STOP_BOUND));
    }

    @Test
    void twoChildrenRunConcurrently() throws Exception {
        ChildHandle a = backend.spawn(request("one", "block"));
        ChildHandle b = backend.spawn(request("two", "print", "from two"));
        assertEquals(0, exit(b), "the second child ended while the first blocks");
        assertFalse(a.onExit().isDone());
        assertNotEquals(a.describe(), b.describe());
        a.softStop();
        assertTrue(a.waitFor(STOP_BOUND));
    }

    @Test
    void describeNamesTheActor() throws Exception {
        ChildHandle child = backend.spawn(request("named_7", "print", "x"));
        assertTrue(child.describe().contains("named_7"), child.describe());
        assertTrue(child.toString().contains("named_7"), child.toString());
        exit(child);
    }

    @Test
    void closeStopsChildrenStillRunning() throws Exception {
        ChildHandle child = backend.spawn(request("left_over", "block"));
        backend.close();
        assertTrue(child.waitFor(STOP_BOUND), child.describe() + " survived close()");
    }

    @Test
    void aLongUnterminatedLineNeitherBlocksNorIsLost() throws Exception {
        ChildHandle child = backend.spawn(request("flood", "flood", "200000"));
        assertEquals(0, exit(child));
        long xs = capturedOut().chars().filter(c -> c == 'x').count();
        assertEquals(200_000, xs);
    }

    /** Waits until a captured line of standard output matches; false after {@code bound}. */
    protected boolean awaitOut(java.util.function.Predicate<String> line, Duration bound) throws InterruptedException {
        return captured.await(line, bound);
    }

    /** A byte sink that wakes up threads waiting for a matching line. */
    private static final class Capture extends ByteArrayOutputStream {
        @Override public synchronized void write(byte[] b, int off, int len) {
            super.write(b, off, len);
            notifyAll();
        }

        @Override public synchronized void write(int b) {
            super.write(b);
            notifyAll();
        }

        synchronized boolean await(java.util.function.Predicate<String> line, Duration bound) throws InterruptedException {
            long end = System.nanoTime() + bound.toNanos();
            while (!toString(StandardCharsets.UTF_8).lines().anyMatch(line)) {
                long left = end - System.nanoTime();
                if (left <= 0) return false;
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
            return true;
        }
    }
}
