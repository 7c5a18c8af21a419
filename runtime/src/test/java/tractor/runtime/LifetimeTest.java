package tractor.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tractor.ActorOptions;
import tractor.Endpoint;
import tractor.Portal;
import tractor.RemoteActorError;
import tractor.Tractor;
import tractor.runtime.it.Lifetime;
import tractor.sc.CancelScope;
import tractor.sc.Nursery;
import tractor.sc.Sc;
import tractor.testkit.Bounded;

/**
 * tractor's tests/test_runtime.py (scenarios 65–66): the child's "lifetime stack" callbacks run on error
 * and on cancellation. Java analogue: the child endpoint's {@code finally} deletes a file it created.
 */
@Bounded(seconds = 20)
class LifetimeTest {
    @TempDir
    Path dir;

    /** 65: the child creates a file then raises → RAE caught in the root; the file is gone. */
    @ParameterizedTest
    @MethodSource("tractor.runtime.Matrix#pairs")
    void lifetimeStackWipesTmpfileOnError(String backend, String transport) throws Exception {
        Path file = dir.resolve("tmp-" + backend + "-" + transport);
        long t0 = System.nanoTime();
        RemoteActorError e = assertThrows(RemoteActorError.class, () -> Tractor.openNursery(Matrix.root(backend, transport), an ->
                an.runInActor("wiper", ActorOptions.of(), Endpoint.parse(Lifetime.class.getName() + "#createThenFail"), file.toString())));
        assertEquals(IllegalStateException.class, e.boxedType().orElseThrow());
        assertTrue(Files.exists(Path.of(file + ".ran")), "the child created the file");
        assertFalse(Files.exists(file), "the child's cleanup deleted the file");
        assertTrue(System.nanoTime() - t0 < Duration.ofSeconds(15).toNanos());
    }

    /** 66: the child creates a file then sleeps; an outer scope cancels the tree → the file is gone. */
    @ParameterizedTest
    @MethodSource("tractor.runtime.Matrix#pairs")
    void lifetimeStackWipesTmpfileOnCancel(String backend, String transport) throws Exception {
        Path file = dir.resolve("tmp-" + backend + "-" + transport);
        Path ran = Path.of(file + ".ran");
        CancelScope outer = CancelScope.run(scope -> Tractor.openNursery(Matrix.root(backend, transport), an -> {
            Portal p = an.startActor("sleeper", ActorOptions.of().enable(Lifetime.class));
            Nursery.run(n -> {
                n.startSoon("call", () -> p.run(Lifetime::createThenSleep, file.toString()));
                while (!Files.exists(ran)) Sc.sleep(Duration.ofMillis(10));
                scope.cancel();
            });
        }));
        assertTrue(outer.cancelledCaught(), "the outer scope's cancellation ended the tree");
        assertFalse(Files.exists(file), "the child's cleanup deleted the file on cancellation");
    }

    /**
     * 66 with tractor's time bound: once the enclosing scope is cancelled, the tree (process children
     * included) is torn down gracefully, well within the nursery budget, with no soft or hard stop.
     */
    @ParameterizedTest
    @MethodSource("tractor.runtime.Matrix#pairs")
    void lifetimeStackWipesTmpfileOnCancelPromptly(String backend, String transport) throws Exception {
        Path file = dir.resolve("tmp-" + backend + "-" + transport);
        Path ran = Path.of(file + ".ran");
        long[] cancelledAt = new long[1];
        CancelScope.run(scope -> Tractor.openNursery(Matrix.root(backend, transport), an -> {
            Portal p = an.startActor("sleeper", ActorOptions.of().enable(Lifetime.class));
            Nursery.run(n -> {
                n.startSoon("call", () -> p.run(Lifetime::createThenSleep, file.toString()));
                while (!Files.exists(ran)) Sc.sleep(Duration.ofMillis(10));
                cancelledAt[0] = System.nanoTime();
                scope.cancel();
            });
        }));
        Duration teardown = Duration.ofNanos(System.nanoTime() - cancelledAt[0]);
        assertFalse(Files.exists(file));
        assertTrue(teardown.compareTo(Duration.ofMillis(2500)) < 0, "tree torn down in " + teardown);
    }

    /** 66, the whole actor cancelled (not just the call): an.cancel() while the call runs → the file is gone. */
    @ParameterizedTest
    @MethodSource("tractor.runtime.Matrix#pairs")
    void lifetimeStackWipesTmpfileOnActorCancel(String backend, String transport) throws Exception {
        Path file = dir.resolve("tmp-" + backend + "-" + transport);
        Path ran = Path.of(file + ".ran");
        Tractor.openNursery(Matrix.root(backend, transport), an -> {
            Portal p = an.runInActor("sleeper", ActorOptions.of(), Endpoint.parse(Lifetime.class.getName() + "#createThenSleep"), file.toString());
            while (!Files.exists(ran)) Sc.sleep(Duration.ofMillis(10));
            an.cancel();
            assertFalse(Files.exists(file), "the child's cleanup deleted the file when the actor was cancelled");
        });
        assertFalse(Files.exists(file));
    }
}
