package tractor.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tractor.ActorOptions;
import tractor.Portal;
import tractor.Tractor;
import tractor.runtime.it.ExtCalls;
import tractor.testkit.Bounded;

/** tractor's msg/test_ext_types_msgspec, the Java way: user types as extension values, registered on both ends. */
@Bounded(seconds = 30)
class ExtTypesTest {

    @ParameterizedTest
    @MethodSource("tractor.runtime.Matrix#pairs")
    void aRegisteredTypeCrossesBothWays(String b, String t) throws Exception {
        ExtCalls.init();
        Tractor.openNursery(Matrix.root(b, t), an -> {
            Portal p = an.startActor("ext", ActorOptions.of().enable(ExtCalls.class));
            assertEquals(new BigDecimal("3.0"), p.run(ExtCalls::twice, new BigDecimal("1.5")));
            assertEquals(new BigDecimal("0.1"), p.run(ExtCalls::echo, new BigDecimal("0.1")), "decoded generically too");
            assertTrue(p.cancelActor());
        });
    }

    @ParameterizedTest
    @MethodSource("tractor.runtime.Matrix#pairs")
    void anUnregisteredTypeIsRefusedBeforeSending(String b, String t) throws Exception {
        Tractor.openNursery(Matrix.root(b, t), an -> {
            Portal p = an.startActor("ext", ActorOptions.of().enable(ExtCalls.class));
            RuntimeException e = assertThrows(RuntimeException.class, () -> p.run(ExtCalls::echo, new java.util.concurrent.atomic.AtomicLong(1)));
            assertTrue(e.getMessage().contains("AtomicLong"), e.getMessage());
            assertTrue(p.cancelActor());
        });
    }
}
