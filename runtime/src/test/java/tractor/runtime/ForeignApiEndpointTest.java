package tractor.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;
import org.junit.jupiter.api.Test;
import tractor.runtime.it.Ctxs;
import tractor.runtime.it.Streams;
import tractor.testkit.Bounded;

/**
 * An endpoint class loaded with its own copy of tractor's API (an isolated child whose endpoint class came
 * from elsewhere) takes a {@code tractor.Context} or {@code tractor.Emitter} the runtime cannot supply:
 * the call is refused with what happened and the fix, not with an arity error.
 */
@Bounded(seconds = 30)
class ForeignApiEndpointTest {
    private static URL location(Class<?> c) {
        return c.getProtectionDomain().getCodeSource().getLocation();
    }

    @Test
    void aContextOrEmitterEndpointSeeingAnotherCopyOfTheApiIsRefusedClearly() throws Exception {
        try (URLClassLoader foreign = new URLClassLoader(new URL[] {location(tractor.Context.class), location(tractor.sc.Sc.class),
                location(Ctxs.class)}, null)) { // the boot loader as parent: the platform loader would hand back the app's modules
            assertNotSame(tractor.Context.class, foreign.loadClass("tractor.Context"), "the loader has its own copy of the API");
            for (String[] call : List.of(new String[] {Ctxs.class.getName(), "echo"}, new String[] {Streams.class.getName(), "emit"})) {
                Invoker invoker = new Invoker("iso", List.of(call[0]), foreign);
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> invoker.resolve(call[0], call[1], 0));
                assertTrue(e.getMessage().contains("another copy of tractor's API") && e.getMessage().contains("classLoader=shared")
                        && e.getMessage().contains("\"iso\""), e.getMessage());
            }
        }
    }

    @Test
    void theSameEndpointsWithThisRuntimesApiResolve() throws Exception {
        Invoker invoker = new Invoker("here", List.of(Ctxs.class.getName(), Streams.class.getName()), ForeignApiEndpointTest.class.getClassLoader());
        assertEquals("echo", invoker.resolve(Ctxs.class.getName(), "echo", 0).getName());
        assertEquals("emit", invoker.resolve(Streams.class.getName(), "emit", 1).getName());
    }
}
