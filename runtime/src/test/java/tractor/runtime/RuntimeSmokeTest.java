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
}
