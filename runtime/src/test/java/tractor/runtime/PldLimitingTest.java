package tractor.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tractor.ActorOptions;
import tractor.Context;
import tractor.MsgTypeError;
import tractor.Portal;
import tractor.RemoteActorError;
import tractor.Tractor;
import tractor.runtime.it.PldCtxs;
import tractor.testkit.Bounded;

/**
 * tractor's tests/msg/test_pldrx_limiting.py (scenarios 251–254): a context endpoint limited to
 * {@code @PayloadSpec(PldMsg.class)}.
 *
 * <p>253 ({@code no-started-pld-validate}: the child sends an invalid {@code started} unchecked, the parent's
 * receive-side validation catches it) has no Java analogue: {@code started} always validates strictly
 * before sending. Receive-side validation is exercised on stream values by
 * {@link StreamTest#typedPayloadsRoundTripAndViolationsAreMsgTypeErrors} and on the {@code Return} by 254.
 */
@Bounded(seconds = 30)
class PldLimitingTest {
    interface Body {
        void run(Portal p) throws Exception;
    }

    static void withChild(String b, String t, Body body) throws Exception {
        Tractor.openNursery(Matrix.root(b, t), an -> {
            Portal p = an.startActor("sub", ActorOptions.of().enable(PldCtxs.class));
            try {
                body.run(p);
            } finally {
                p.cancelActor();
            }
        });
    }

    /** 251: a valid started arrives decoded as a PldMsg record (not a map); the null result is no error. */
    @ParameterizedTest
    @MethodSource("tractor.runtime.Matrix#pairs")
    void validStartedAndNullReturn(String b, String t) throws Exception {
        withChild(b, t, p -> {
            try (Context ctx = p.openContext(PldCtxs::validStartedNullReturn)) {
                assertEquals(new PldCtxs.PldMsg("yo"), assertInstanceOf(PldCtxs.PldMsg.class, ctx.first()));
                assertNull(ctx.waitForResult());
                assertTrue(ctx.maybeError().isEmpty(), () -> "no error: " + ctx.maybeError());
                assertNull(ctx.outcome());
            }
        });
    }

    /** 252: started(10) fails send-side validation in the child; the parent's openContext raises RAE(MsgTypeError). */
    @ParameterizedTest
    @MethodSource("tractor.runtime.Matrix#pairs")
    void invalidStartedIsRefusedInTheChild(String b, String t) throws Exception {
        withChild(b, t, p -> {
            RemoteActorError e = assertThrows(RemoteActorError.class, () -> p.openContext(PldCtxs::invalidStarted));
            assertEquals(MsgTypeError.class, e.boxedType().orElseThrow());
            String msg = e.remoteMessage();
            assertTrue(msg.contains("PldMsg"), "names the spec: " + msg);
            assertTrue(msg.contains("int"), "names the value's type: " + msg);
            assertEquals(MsgTypeError.class.getName(), p.run(PldCtxs::lastOutcome), "raised in the child, nothing sent");
        });
    }

    /** 252, the rest of tractor's message check: the MsgTypeError names the offending value itself. */
    @ParameterizedTest
    @MethodSource("tractor.runtime.Matrix#pairs")
    void invalidStartedErrorNamesTheValue(String b, String t) throws Exception {
        withChild(b, t, p -> {
            RemoteActorError e = assertThrows(RemoteActorError.class, () -> p.openContext(PldCtxs::invalidStarted));
            assertTrue(e.remoteMessage().matches("(?s).*\\b10\\b.*"), "names the value: " + e.remoteMessage());
        });
    }

    /**
     * 254: the child returns "yo", breaking its spec (the child does not fail); the parent's waitForResult()
     * raises MsgTypeError, which is the context's maybeError() and outcome().
     */
    @ParameterizedTest
    @MethodSource("tractor.runtime.Matrix#pairs")
    void invalidReturnIsAMsgTypeErrorAtTheParent(String b, String t) throws Exception {
        withChild(b, t, p -> {
            try (Context ctx = p.openContext(PldCtxs::invalidReturn)) {
                assertEquals(new PldCtxs.PldMsg("yo"), ctx.first());
                MsgTypeError e = assertThrows(MsgTypeError.class, ctx::waitForResult);
                assertTrue(e.getMessage().contains("yo"), "names the value: " + e.getMessage());
                assertSame(e, ctx.maybeError().orElseThrow());
                assertSame(e, ctx.outcome());
            }
            assertEquals("returned", p.run(PldCtxs::lastOutcome), "the child itself did not fail");
        });
    }
}
