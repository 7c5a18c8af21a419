package tractor.runtime;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tractor.ActorId;
import tractor.ActorOptions;
import tractor.RootOptions;
import tractor.Tractor;
import tractor.TransportClosed;

/**
 * Faults B.18/B.19, after the partition heals: an actor incarnation its parent reaped or lost (its
 * name and uuid) is refused when it connects again; a new incarnation is served as usual.
 */
class StaleIncarnationTest {
    @Test
    void aReapedChildConnectingAgainIsRefusedAndANewIncarnationIsServed() throws Exception {
        Tractor.openRoot(RootOptions.of().name("parent").registryAddress("tcp://127.0.0.1:0"), root -> {
            ActorId[] old = new ActorId[1];
            Tractor.openNursery(n -> {
                var p = n.startActor("old_self", ActorOptions.of().spawnBackend("thread"));
                old[0] = p.peer();
                p.cancelActor();
            });
            ActorRuntime rt = (ActorRuntime) root;
            CompletableFuture<TransportClosed> refused = new CompletableFuture<>();
            Channel stale = Connect.open(rt.config(), rt.boundAddress(), new Msg.Aid(old[0].name(), old[0].uuid(), 1L, false, false));
            stale.start(m -> { }, end -> refused.complete(end));
            assertNotNull(refused.get(5, TimeUnit.SECONDS), "the parent closed the stale incarnation's connection");
            assertFalse(stale.isOpen());

            // a new incarnation of the same name connects back and is served as usual
            Tractor.openNursery(n -> {
                var p = n.startActor("old_self", ActorOptions.of().spawnBackend("thread"));
                assertNotEquals(old[0].uuid(), p.peer().uuid());
                assertTrue(p.cancelActor(), "the new incarnation answers");
            });
        });
    }
}
