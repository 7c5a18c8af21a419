package tractor.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tractor.ActorOptions;
import tractor.Portal;
import tractor.RemoteActorError;
import tractor.RootOptions;
import tractor.Tractor;
import tractor.runtime.it.Calls;
import tractor.testkit.Bounded;

@Bounded(seconds = 30)
class RuntimeSmokeTest {
    static RootOptions root(String backend) {
        return RootOptions.of().registryAddress("tcp://127.0.0.1:0").spawnBackend(backend);
    }

    @ParameterizedTest
    @ValueSource(strings = {"thread", "process"})
    void runInAChildAndCancelIt(String backend) throws Exception {
        Tractor.openNursery(root(backend), an -> {
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
