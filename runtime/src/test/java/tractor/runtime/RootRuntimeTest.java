package tractor.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tractor.Actor;
import tractor.ActorOptions;
import tractor.NoRuntime;
import tractor.Portal;
import tractor.RemoteActorError;
import tractor.RootOptions;
import tractor.RuntimeFailure;
import tractor.Tractor;
import tractor.runtime.it.RootCalls;
import tractor.testkit.Bounded;

/**
 * tractor's tests/test_root_runtime.py (scenarios 67–69).
 *
 * <p>70 {@code test_runtime_vars_unset} is in {@link DebugModeTest}: a root's debug mode ends with it.
 */
@Bounded(seconds = 20)
class RootRuntimeTest {
    /** 67: opening a second root inside a running tree → RuntimeFailure (the first root is unharmed). */
    @ParameterizedTest
    @MethodSource("tractor.runtime.Matrix#pairs")
    void onlyOneRootActorInRoot(String backend, String transport) throws Exception {
        Tractor.openNursery(Matrix.root(backend, transport), an -> {
            Actor root = Tractor.currentActor();
            assertThrows(RuntimeFailure.class, () -> Tractor.openRoot(Matrix.root(backend, transport), a -> {
                throw new AssertionError("a second root opened");
            }));
            assertEquals(root, Tractor.currentActor());
        });
    }

    /** 67, from another thread of the same program that belongs to no actor: still one root only. */
    @ParameterizedTest
    @MethodSource("tractor.runtime.Matrix#pairs")
    void onlyOneRootActorPerProgram(String backend, String transport) throws Exception {
        Tractor.openRoot(Matrix.root(backend, transport), root -> {
            Throwable[] seen = new Throwable[1];
            Thread t = Thread.ofPlatform().start(() -> {
                ActorRuntime.CURRENT.remove(); // a thread that inherited nothing
                try {
                    Tractor.openRoot(Matrix.root(backend, transport), a -> {});
                } catch (Throwable e) {
                    seen[0] = e;
                }
            });
            t.join();
            assertTrue(seen[0] instanceof RuntimeFailure, "second root: " + seen[0]);
        });
    }

    /** 68: a child trying to open a root → the root sees RAE(RuntimeFailure). */
    @ParameterizedTest
    @MethodSource("tractor.runtime.Matrix#pairs")
    void onlyOneRootActorInSub(String backend, String transport) throws Exception {
        Tractor.openNursery(Matrix.root(backend, transport), an -> {
            Portal p = an.startActor("wannabe", ActorOptions.of().enable(RootCalls.class));
            RemoteActorError e = assertThrows(RemoteActorError.class, () -> p.run(RootCalls::openSecondRoot));
            assertEquals(RuntimeFailure.class, e.boxedType().orElseThrow());
            assertEquals("wannabe", e.srcUid().name());
            assertTrue(p.cancelActor());
        });
    }

    /** 69: the first nursery boots the root implicitly; it is named "root"; no runtime once it closed. */
    @ParameterizedTest
    @MethodSource("tractor.runtime.Matrix#pairs")
    void implicitRootViaFirstNursery(String backend, String transport) throws Exception {
        assertThrows(NoRuntime.class, Tractor::currentActor);
        RootOptions o = Matrix.root(backend, transport);
        assertEquals("root", o.name(), "default root name");
        Tractor.openNursery(o, an -> {
            Actor a = Tractor.currentActor();
            assertEquals("root", a.name());
            assertTrue(a.isRoot());
            assertTrue(a.isRegistrar());
        });
        assertThrows(NoRuntime.class, Tractor::currentActor);
    }
}
