package tractor.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tractor.ActorOptions;
import tractor.Context;
import tractor.MsgStream;
import tractor.Portal;
import tractor.RemoteActorError;
import tractor.Tractor;
import tractor.runtime.it.Calls;
import tractor.runtime.it.Ctxs;
import tractor.runtime.it.CountRelay;
import tractor.sc.CancelScope;
import tractor.sc.Nursery;
import tractor.testkit.Bounded;

/**
 * Cancellation crossing open contexts, in the shapes programs use: a sibling worker's failure, a timeout
 * around several streaming contexts, a timeout around a stream relayed through a middle actor from a
 * grandchild. Each ends with exactly the error or cancellation that started it: the contexts closed by
 * that cancellation add nothing (they added an {@code IllegalStateException} each before the fix, and the
 * middle actor reported it up as a {@code RemoteActorError}).
 */
@Bounded(seconds = 60)
class ContextCancellationTest {
    /** Waits for the child's {@code started}, then receives the context's stream to its end (or a cancellation). */
    private static void consume(Context ctx) {
        ctx.first();
        try (MsgStream s = ctx.openStream()) {
            for (Object ignored : s) {
                // only the end matters
            }
        }
    }

    @ParameterizedTest
    @MethodSource("tractor.runtime.Matrix#pairs")
    void oneWorkerFailsMidStreamTheOtherIsCancelledCleanly(String b, String t) throws Exception {
        Tractor.openNursery(Matrix.root(b, t), an -> {
            Portal a = an.startActor("a", ActorOptions.of().enable(CountRelay.class, Ctxs.class, Calls.class));
            Portal f = an.startActor("f", ActorOptions.of().enable(Ctxs.class));
            Throwable e = assertThrows(Throwable.class, () -> Nursery.run(n -> {
                n.startSoon("a", () -> {
                    try (Context ctx = a.openContext(CountRelay::countForever)) {
                        consume(ctx);
                    }
                });
                n.startSoon("f", () -> {
                    try (Context ctx = f.openContext(Ctxs::failMidStream, 3)) {
                        consume(ctx);
                        ctx.waitForResult();
                    }
                });
            }));
            RemoteActorError r = assertInstanceOf(RemoteActorError.class, e, () -> "the failing worker's error alone, got " + e);
            assertTrue(r.remoteMessage().contains("mid-stream failure"), r.remoteMessage());
            assertEquals(3, a.run(Calls::add, 1, 2), "the other worker still serves");
            an.cancel();
        });
    }

    @ParameterizedTest
    @MethodSource("tractor.runtime.Matrix#pairs")
    void aTimeoutAroundTwoStreamingContextsIsCaughtClean(String b, String t) throws Exception {
        Tractor.openNursery(Matrix.root(b, t), an -> {
            Portal a = an.startActor("a", ActorOptions.of().enable(CountRelay.class, Calls.class));
            CancelScope s = CancelScope.moveOnAfter(Duration.ofMillis(500), scope -> Nursery.run(n -> {
                for (int i = 0; i < 2; i++) n.startSoon(() -> {
                    try (Context ctx = a.openContext(CountRelay::countForever)) {
                        consume(ctx);
                    }
                });
            }));
            assertTrue(s.cancelledCaught());
            assertEquals(3, a.run(Calls::add, 1, 2));
            an.cancel();
        });
    }

    @ParameterizedTest
    @MethodSource("tractor.runtime.Matrix#pairs")
    void aTimeoutAroundARelayedStreamFromAGrandchildIsCaughtClean(String b, String t) throws Exception {
        Tractor.openNursery(Matrix.root(b, t), an -> {
            Portal m = an.startActor("middle", ActorOptions.of().enable(CountRelay.class, Calls.class));
            long[] got = {0};
            CancelScope s = CancelScope.moveOnAfter(Duration.ofMillis(1500), scope -> {
                try (Context ctx = m.openContext(CountRelay::relay)) {
                    ctx.first();
                    try (MsgStream st = ctx.openStream()) {
                        for (Object v : st) got[0]++; // counted as they come: the timeout ends the loop, not the stream
                    }
                }
            });
            assertTrue(s.cancelledCaught());
            assertTrue(got[0] > 0, "values came through the middle actor");
            assertEquals(3, m.run(Calls::add, 1, 2), "the middle actor still serves");
            an.cancel();
        });
    }
}
