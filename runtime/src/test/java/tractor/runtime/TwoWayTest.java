package tractor.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Iterator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tractor.Context;
import tractor.Endpoint;
import tractor.MsgStream;
import tractor.Portal;
import tractor.Tractor;
import tractor.runtime.it.Sem;
import tractor.testkit.Bounded;

/**
 * tractor's {@code tests/test_2way.py} (scenario 48): {@code started(data + 1)}, 10 ping/pong round
 * trips, and the parent leaving its stream ends the child's receive loop (server_func=loop) or
 * iteration (server_func=async_for) with EndOfChannel after exactly 10 pings; the parent side receives
 * by {@code receive()} or by iteration (use_async_for); < 6 s.
 */
@Bounded(seconds = 30)
class TwoWayTest {
    @ParameterizedTest
    @MethodSource("tractor.runtime.Matrix#pairs")
    void s48_simpleRpc(String b, String t) throws Exception {
        Tractor.openNursery(Matrix.root(b, t), an -> {
            Portal p = an.startActor("rpc_server", ContextSemanticsTest.OPTS);
            try {
                for (boolean childIterates : new boolean[] {false, true}) {
                    for (boolean parentIterates : new boolean[] {false, true}) {
                        long t0 = System.nanoTime();
                        try (Context ctx = p.openContext(Endpoint.parse(Sem.class.getName() + "#pingPong"), false, 10, childIterates)) {
                            assertEquals(11L, ((Number) ctx.first()).longValue());
                            try (MsgStream s = ctx.openStream()) {
                                Iterator<Object> it = s.iterator();
                                for (int i = 0; i < 10; i++) {
                                    s.send("ping");
                                    assertEquals("pong", parentIterates ? it.next() : s.receive());
                                }
                            }
                            assertEquals(10L, ((Number) ctx.waitForResult()).longValue());
                        }
                        double took = (System.nanoTime() - t0) / 1e9;
                        assertTrue(took < 6, "took " + took + " s");
                    }
                }
            } finally {
                p.cancelActor();
            }
        });
    }
}
