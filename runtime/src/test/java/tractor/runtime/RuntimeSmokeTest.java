package tractor.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tractor.ActorOptions;
import tractor.Portal;
import tractor.RemoteActorError;
import tractor.Tractor;
import tractor.runtime.it.Calls;
import tractor.testkit.Bounded;

@Bounded(seconds = 30)
class RuntimeSmokeTest {
    @ParameterizedTest
    @MethodSource("tractor.runtime.Matrix#pairs")
    void runInAChildAndCancelIt(String backend, String transport) throws Exception {
        Tractor.openNursery(Matrix.root(backend, transport), an -> {
            Portal p = an.startActor("worker", ActorOptions.of().enable(Calls.class));
            assertEquals(5, p.run(Calls::add, 2, 3));
            assertEquals("worker", p.run(Calls::whoAmI));
            if (backend.equals("process")) assertNotEquals(ProcessHandle.current().pid(), p.run(Calls::pid));
            assertEquals(new Calls.Point(3, 2), p.run(Calls::move, new Calls.Point(1, 2), 2));
            RemoteActorError e = assertThrows(RemoteActorError.class, () -> p.run(Calls::fail, "boom"));
            assertEquals(IllegalStateException.class, e.boxedType().orElseThrow());
            assertEquals("boom", e.remoteMessage());
            assertEquals("worker", e.srcUid().name());
            assertTrue(p.cancelActor());
        });
    }

    @org.junit.jupiter.api.Test
    void aChildThatDiesMidCallFailsTheCallAndTheNursery() {
        long t0 = System.nanoTime();
        tractor.ActorCrashed e = assertThrows(tractor.ActorCrashed.class, () -> Tractor.openNursery(Matrix.root("process", "tcp"), an -> {
            Portal p = an.startActor("doomed", ActorOptions.of().enable(Calls.class));
            assertThrows(tractor.TransportClosed.class, () -> p.run(Calls::exit, 3));
        }));
        assertEquals(3, e.exitCode());
        assertTrue(System.nanoTime() - t0 < java.time.Duration.ofSeconds(10).toNanos());
    }

    @ParameterizedTest
    @MethodSource("tractor.runtime.Matrix#pairs")
    void aChildCallsItsParent(String backend, String transport) throws Exception {
        Tractor.openNursery(Matrix.root(backend, transport).enable(Calls.class), an -> {
            Portal p = an.startActor("caller", ActorOptions.of().enable(Calls.class));
            assertEquals(7, p.run(Calls::addInParent, 3, 4));
            assertTrue(p.cancelActor());
        });
    }
}
