package tractor.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import tractor.ActorOptions;
import tractor.Portal;
import tractor.Tractor;
import tractor.runtime.it.Launch;
import tractor.testkit.Bounded;

/**
 * The process backend's warm pool under the runtime: an actor started from a pooled JVM boots, serves
 * and ends like a cold one, its warm-up rehearsal left nothing in the tree's registry, and the pool's spare
 * JVM does not outlive the root (the testkit's leak check fails the test otherwise).
 */
@Bounded(seconds = 40)
class WarmPoolSpawnTest {
    private static final String POOL_MAIN = "tractor.spawn.process.PoolMain";

    @Test
    void theSecondActorStartsFromAPooledJvmAndServes() throws Exception {
        Tractor.openNursery(Matrix.root("process", "uds"), an -> {
            ActorOptions o = ActorOptions.of().enable(Launch.class).backendOption("warmPool", "1");
            Portal cold = an.startActor("cold", o);
            String coldCmd = cold.run(Launch::commandLine);
            assertFalse(coldCmd.contains(POOL_MAIN), coldCmd);
            Portal warm = an.startActor("warm", o); // the refill the first spawn started is taken
            String warmCmd = warm.run(Launch::commandLine);
            assertTrue(warmCmd.contains(POOL_MAIN), warmCmd);
            assertEquals("warm", warm.peer().name());
            List<String> registered = Tractor.listActors().keySet().stream().map(tractor.ActorId::name).toList();
            assertTrue(registered.contains("warm") && registered.stream().noneMatch(n -> n.startsWith("warm-up")),
                    "the pooled JVM's rehearsal left entries in the tree's registry (or warm is missing): " + registered);
            assertTrue(warm.cancelActor());
            assertTrue(cold.cancelActor());
        });
    }
}
