package tractor.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tractor.ActorId;
import tractor.ActorOptions;
import tractor.Context;
import tractor.ContextCancelled;
import tractor.Endpoint;
import tractor.MsgStream;
import tractor.Portal;
import tractor.RemoteActorError;
import tractor.StreamOverrun;
import tractor.Tractor;
import tractor.runtime.it.Calls;
import tractor.runtime.it.Ctxs;
import tractor.runtime.it.Sem;
import tractor.sc.CancelScope;
import tractor.sc.EndOfChannelException;
import tractor.sc.Nursery;
import tractor.sc.Sc;
import tractor.testkit.Bounded;

/**
 * tractor's {@code tests/test_context_stream_semantics.py}, scenarios 1–19 of the scenario catalog,
 * over the backend × transport matrix. Scenarios 1–2 (started twice / stream before started) are
 * {@link ContextTest#protocolMisuseInTheChildReachesTheParentBoxed}. Python's {@code KeyboardInterrupt}
 * parametrizations have no Java analogue (an ordinary exception stands for them).
 *
 * <p>Java's try-with-resources cannot see the exception leaving its block, so "absorbed at block exit"
 * is checked as: the error is the self-cancel ctxc, {@link Context#waitForResult()} returns it as a
 * value, and {@code close()} raises nothing.
 */
@Bounded(seconds = 30)
class ContextSemanticsTest {
    static final ActorOptions OPTS = ActorOptions.of().enable(Sem.class, Ctxs.class, Calls.class);
    /** Head room on a shared 2-core machine over the scenarios' own time bounds. */
    static final double SLACK = 3.0;

    interface Body {
        void run(Portal p) throws Exception;
    }

    static void withChild(String b, String t, Body body) throws Exception {
        Tractor.openNursery(Matrix.root(b, t), an -> {
            Portal p = an.startActor("sem-child", OPTS);
            p.run(Sem::resetState);
            try {
                body.run(p);
            } finally {
                p.cancelActor();
            }
        });
    }

    static Endpoint ep(String method) {
        return Endpoint.parse(Sem.class.getName() + "#" + method);
    }

    static ActorId me() {
        return Tractor.currentActor().uid();
    }

    static double since(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    static void within(double seconds, long t0, String what) {
        double took = since(t0);
        assertTrue(took < seconds * SLACK, what + " took " + took + " s, bound " + seconds + " s (x" + SLACK + ")");
    }

    // 3. child started(data+1) then returns 'yo'; optional stream after the child returned is harmless
    @ParameterizedTest
    @MethodSource("tractor.runtime.Matrix#pairs")
    void s03_simpleContextChildReturns(String b, String t) throws Exception {
        withChild(b, t, p -> {
            for (boolean openStream : new boolean[] {false, true}) {
                long t0 = System.nanoTime();
                try (Context ctx = p.openContext(ep("simple"), false, 10, false)) {
                    assertEquals(11L, ((Number) ctx.first()).longValue());
                    if (openStream) {
                        ctx.openStream().close(); // after the child returned: harmless
                    }
                    assertEquals("yo", ctx.waitForResult());
                }
                within(1.5, t0, "simple context");
                assertEquals("true", p.run(Sem::state, "ipcCtxSame"));
                assertEquals("true", p.run(Sem::state, "finally"));
                p.run(Sem::resetState);
            }
        });
    }

    // 3 (parent side): currentIpcCtx() is that ctx on the parent side too, inside the open_context block
    @ParameterizedTest
    @MethodSource("tractor.runtime.Matrix#pairs")
    void s03_currentIpcCtxOnTheParentSide(String b, String t) throws Exception {
        withChild(b, t, p -> {
            try (Context ctx = p.openContext(ep("simple"), false, 10, false)) {
                assertEquals(ctx.cid(), Tractor.currentIpcCtx().cid());
                assertEquals("yo", ctx.waitForResult());
            }
        });
    }

    // 4. child blocks after started; parent checks it via a concurrent portal.run, then ctx.cancel()
    //    inside or outside a stream block → clean exit; child finally ran
    @ParameterizedTest
    @MethodSource("tractor.runtime.Matrix#pairs")
    void s04_simpleContextChildBlocksParentCancels(String b, String t) throws Exception {
        withChild(b, t, p -> {
            for (boolean inStream : new boolean[] {false, true}) {
                long t0 = System.nanoTime();
                try (Context ctx = p.openContext(ep("simple"), false, 10, true)) {
                    assertEquals(11L, ((Number) ctx.first()).longValue());
                    assertEquals("true", p.run(Sem::state, "blocking"));
                    if (inStream) {
                        try (MsgStream s = ctx.openStream()) {
                            ctx.cancel();
                        }
                    } else {
                        ctx.cancel();
                    }
                    ContextCancelled cc = assertInstanceOf(ContextCancelled.class, ctx.waitForResult());
                    assertEquals(me(), cc.canceller());
                }
                within(1.5, t0, "cancelled simple context");
                assertEquals("true", p.run(Sem::state, "finally"));
                assertEquals("true", p.run(Sem::state, "cancelled"));
                p.run(Sem::resetState);
            }
        });
    }

    // 5. parent raises inside the ctx (or its stream) → that exception escapes; the child is cancelled
    @ParameterizedTest
    @MethodSource("tractor.runtime.Matrix#pairs")
    void s05_parentErrorEscapesAndCancelsTheChild(String b, String t) throws Exception {
        withChild(b, t, p -> {
            for (boolean inStream : new boolean[] {false, true}) {
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> {
                    try (Context ctx = p.openContext(ep("simple"), false, 10, true)) {
                        if (inStream) {
                            try (MsgStream s = ctx.openStream()) {
                                throw new IllegalArgumentException("parent error");
                            }
                        }
                        throw new IllegalArgumentException("parent error");
                    }
                });
                assertEquals("parent error", e.getMessage());
                assertEquals("true", p.run(Sem::state, "cancelled"));
                assertEquals("true", p.run(Sem::state, "finally"));
                p.run(Sem::resetState);
            }
        });
    }

    // 6. child blocks; parent ctx.cancel() → nothing raised at exit or from the result; outcome is
    //    ctxc(c=parent) which is maybeError; not cancelled-caught; < 0.5 s
    @ParameterizedTest
    @MethodSource("tractor.runtime.Matrix#pairs")
    void s06_parentCancelsByCtx(String b, String t) throws Exception {
        withChild(b, t, p -> {
            for (boolean chkBeforeExit : new boolean[] {false, true}) {
                long t0 = System.nanoTime();
                Context c;
                try (Context ctx = p.openContext(ep("maybeReturnEarly"), false, false)) {
                    c = ctx;
                    ctx.cancel();
                    if (chkBeforeExit) {
                        ContextCancelled cc = assertInstanceOf(ContextCancelled.class, ctx.waitForResult());
                        assertEquals(me(), cc.canceller());
                        assertSame(cc, ctx.outcome());
                        assertSame(cc, ctx.maybeError().orElseThrow());
                        assertFalse(ctx.cancelledCaught());
                    } else {
                        ctx.waitForResult();
                    }
                }
                within(0.5, t0, "ctx cancel");
                ContextCancelled cc = assertInstanceOf(ContextCancelled.class, c.outcome());
                assertEquals(me(), cc.canceller());
                assertSame(cc, c.maybeError().orElseThrow());
                assertTrue(c.cancelCalled());
                assertTrue(c.cancelAcked());
                assertEquals(me(), c.canceller());
                assertFalse(c.cancelledCaught());
            }
        });
    }

    // 7. parent portal.cancelActor() instead → result() RAISES ctxc(c=parent), ctxc is maybeError; the
    //    block exit raises it too (an actor cancel is not a ctx self-cancel)
    @ParameterizedTest
    @MethodSource("tractor.runtime.Matrix#pairs")
    void s07_parentCancelsByPortal(String b, String t) throws Exception {
        for (boolean chkBeforeExit : new boolean[] {true}) {
            Tractor.openNursery(Matrix.root(b, t), an -> {
                Portal p = an.startActor("sem-child", OPTS);
                Context[] c = new Context[1];
                ContextCancelled escaped = assertThrows(ContextCancelled.class, () -> {
                    try (Context ctx = p.openContext(ep("maybeReturnEarly"), false, false)) {
                        c[0] = ctx;
                        assertTrue(p.cancelActor());
                        if (chkBeforeExit) {
                            ContextCancelled cc = assertThrows(ContextCancelled.class, ctx::waitForResult);
                            assertEquals(me(), cc.canceller());
                            assertSame(cc, ctx.maybeError().orElseThrow());
                            throw cc;
                        }
                        // leaving the block without waitForResult: close() must raise the ctxc
                    }
                });
                assertEquals(me(), escaped.canceller());
                assertSame(escaped, c[0].maybeError().orElseThrow());
                assertFalse(c[0].cancelCalled());
            });
        }
    }

    // 7 (chk_before_exit=False). parent portal.cancelActor() instead → result() RAISES ctxc(c=parent), ctxc is maybeError; the
    //    block exit raises it too (an actor cancel is not a ctx self-cancel)
    @ParameterizedTest
    @MethodSource("tractor.runtime.Matrix#pairs")
    void s07_parentCancelsByPortalBlockExitRaises(String b, String t) throws Exception {
        for (boolean chkBeforeExit : new boolean[] {false}) {
            Tractor.openNursery(Matrix.root(b, t), an -> {
                Portal p = an.startActor("sem-child", OPTS);
                Context[] c = new Context[1];
                ContextCancelled escaped = assertThrows(ContextCancelled.class, () -> {
                    try (Context ctx = p.openContext(ep("maybeReturnEarly"), false, false)) {
                        c[0] = ctx;
                        assertTrue(p.cancelActor());
                        if (chkBeforeExit) {
                            ContextCancelled cc = assertThrows(ContextCancelled.class, ctx::waitForResult);
                            assertEquals(me(), cc.canceller());
                            assertSame(cc, ctx.maybeError().orElseThrow());
                            throw cc;
                        }
                        // leaving the block without waitForResult: close() must raise the ctxc
                    }
                });
                assertEquals(me(), escaped.canceller());
                assertSame(escaped, c[0].maybeError().orElseThrow());
                assertFalse(c[0].cancelCalled());
            });
        }
    }

    // 8. child returned 'yo' before the cancel: cancel is a no-op; result 'yo' is the outcome; no error
    @ParameterizedTest
    @MethodSource("tractor.runtime.Matrix#pairs")
    void s08_cancelAfterTheChildReturnedIsANoOp(String b, String t) throws Exception {
        for (String method : new String[] {"ctx", "portal"}) {
            Tractor.openNursery(Matrix.root(b, t), an -> {
                Portal p = an.startActor("sem-child", OPTS);
                long t0 = System.nanoTime();
                try (Context ctx = p.openContext(ep("maybeReturnEarly"), false, true)) {
                    Sc.sleep(Duration.ofMillis(300)); // the child's Return arrives meanwhile
                    if (method.equals("ctx")) ctx.cancel();
                    else p.cancelActor();
                    assertEquals("yo", ctx.waitForResult());
                    assertSame(ctx.waitForResult(), ctx.outcome());
                    assertTrue(ctx.maybeError().isEmpty());
                }
                within(2, t0, "cancel after return");
                if (method.equals("ctx")) p.cancelActor();
            });
        }
    }

    // 9. child opens and immediately closes its stream then returns: the parent's iteration yields
    //    nothing, receive() raises EndOfChannel quickly; a parent send before that is dropped; reopening
    //    raises or is a no-op
    @ParameterizedTest
    @MethodSource("tractor.runtime.Matrix#pairs")
    void s09_childExitsCtxAfterStreamOpen(String b, String t) throws Exception {
        withChild(b, t, p -> {
            for (boolean sendFirst : new boolean[] {false, true}) {
                long t0 = System.nanoTime();
                try (Context ctx = p.openContext(ep("closeStreamAndReturn"), false)) {
                    long s0 = System.nanoTime();
                    try (MsgStream s = ctx.openStream()) {
                        if (sendFirst) {
                            try {
                                s.send("yo");
                            } catch (EndOfChannelException ok) {
                                // the child's Stop already arrived: the send is refused as tractor's is
                            }
                        }
                        List<Object> got = new ArrayList<>();
                        for (Object m : s) got.add(m);
                        assertEquals(List.of(), got);
                        long r0 = System.nanoTime();
                        assertThrows(EndOfChannelException.class, s::receive);
                        within(0.3, r0, "receive after EOC");
                    }
                    within(0.4, s0, "stream phase");
                    try {
                        ctx.openStream().close();
                    } catch (IllegalStateException | tractor.sc.ClosedResourceException reopenRefused) {
                        // either is allowed
                    }
                    assertEquals("done", ctx.waitForResult());
                }
                within(0.5, t0, "ctx");
            }
        });
    }

    // 10. echo-server child; parent ctx.cancel() BEFORE opening its stream → openStream() raises the
    //     already-received ctxc(c=root); absorbed at exit; cancelAcked, identical error objects; the child
    //     saw a cancellation; reopening raises ctxc
    @ParameterizedTest
    @MethodSource("tractor.runtime.Matrix#pairs")
    void s10_parentCancelsBeforeItsStream(String b, String t) throws Exception {
        withChild(b, t, p -> {
            for (boolean childSendsFirst : new boolean[] {false, true}) {
                Context c;
                try (Context ctx = p.openContext(ep("echoRecording"), false, childSendsFirst, false)) {
                    c = ctx;
                    ctx.cancel();
                    ContextCancelled cc = assertThrows(ContextCancelled.class, ctx::openStream);
                    assertEquals(me(), cc.canceller());
                    assertSame(cc, ctx.waitForResult());
                }
                assertPostCancel(p, c);
            }
        });
    }

    static void assertPostCancel(Portal p, Context c) {
        assertPostCancel(p, c, true);
    }

    static void assertPostCancel(Portal p, Context c, boolean checkReopen) {
        assertTrue(c.cancelAcked());
        ContextCancelled cc = assertInstanceOf(ContextCancelled.class, c.outcome());
        assertSame(cc, c.maybeError().orElseThrow());
        assertEquals(me(), cc.canceller());
        assertFalse(c.cancelledCaught());
        if (checkReopen) assertSame(cc, assertThrows(ContextCancelled.class, c::openStream));
        assertEquals("true", p.run(Sem::state, "echo.cancelled"));
        assertEquals("-", p.run(Sem::state, "echo.error"));
        assertEquals("-", p.run(Sem::state, "echo.returned"));
        assertEquals(Tractor.currentActor().uid().name(), Tractor.currentActor().name()); // channel still usable:
        assertEquals("-", p.run(Sem::state, "nothing"));
    }

    // 11. parent waits for the result with a 0.5 s timeout (the child blocks), then ctx.cancel() → clean
    //     exit, same post-conditions as 10. (use_ctx_cancel_method=False, leaving without the result, is
    //     ContextTest#closingWithoutWaitingCancelsTheFarTask.)
    @ParameterizedTest
    @MethodSource("tractor.runtime.Matrix#pairs")
    void s11_parentCancelsAfterAResultTimeout(String b, String t) throws Exception {
        withChild(b, t, p -> {
            for (String when : new String[] {"post_stream_open", "post_stream_close"}) {
                Context c;
                try (Context ctx = p.openContext(ep("echoRecording"), false, false, true)) {
                    c = ctx;
                    try (MsgStream s = ctx.openStream()) {
                        s.send("x");
                        assertEquals("x", s.receive());
                        if (when.equals("post_stream_open")) {
                            assertTrue(CancelScope.moveOnAfter(Duration.ofMillis(500), sc -> ctx.waitForResult()).cancelledCaught());
                            ctx.cancel();
                        }
                    }
                    if (when.equals("post_stream_close")) {
                        assertTrue(CancelScope.moveOnAfter(Duration.ofMillis(500), sc -> ctx.waitForResult()).cancelledCaught());
                        ctx.cancel();
                    }
                    assertInstanceOf(ContextCancelled.class, ctx.waitForResult());
                }
                assertPostCancel(p, c, false); // reopening: s11_reopenAfterCancelRaisesTheCtxc
            }
        });
    }

    // 11 (post-condition "opening a stream again raises ctxc", after a stream was opened)
    @ParameterizedTest
    @MethodSource("tractor.runtime.Matrix#pairs")
    void s11_reopenAfterCancelRaisesTheCtxc(String b, String t) throws Exception {
        withChild(b, t, p -> {
            try (Context ctx = p.openContext(ep("echoRecording"), false, false, true)) {
                try (MsgStream s = ctx.openStream()) {
                    ctx.cancel();
                }
                ContextCancelled cc = assertInstanceOf(ContextCancelled.class, ctx.waitForResult());
                assertSame(cc, assertThrows(ContextCancelled.class, ctx::openStream));
            }
        });
    }

    // 12. a sibling task sends 'yo' then ctx.cancel() while the main task iterates: main gets 'yo', its
    //     loop ends; nothing escapes the ctx block; channel still usable
    @ParameterizedTest
    @MethodSource("tractor.runtime.Matrix#pairs")
    void s12_multitaskParentCancelsFromNonRootTask(String b, String t) throws Exception {
        withChild(b, t, p -> {
            try (Context ctx = p.openContext(ep("echoRecording"), false, false, false)) {
                List<Object> got = new ArrayList<>();
                try (MsgStream s = ctx.openStream()) {
                    tractor.sc.Event gotYo = new tractor.sc.Event();
                    Nursery.run(n -> {
                        n.startSoon(() -> {
                            s.send("yo");
                            gotYo.await(); // the echo is back: cancel while the main task waits in its loop
                            ctx.cancel();
                        });
                        try {
                            for (Object m : s) {
                                got.add(m);
                                gotYo.set();
                            }
                        } catch (ContextCancelled cc) {
                            assertEquals(me(), cc.canceller()); // our own: absorbed at block exit
                        }
                    });
                }
                assertEquals(List.of("yo"), got);
                assertInstanceOf(ContextCancelled.class, ctx.waitForResult());
            }
            assertEquals("true", p.run(Sem::state, "echo.cancelled"));
        });
    }

    // 13. child ctx.cancel() on itself before started; its openStream() raises RuntimeError (Java:
    //     IllegalStateException); it is cancelled within 0.1 s; the parent's openContext raises a ctxc
    //     whose text says "itself"
    @ParameterizedTest
    @MethodSource("tractor.runtime.Matrix#pairs")
    void s13_childCancelsBeforeStarted(String b, String t) throws Exception {
        withChild(b, t, p -> {
            ContextCancelled cc = assertThrows(ContextCancelled.class, () -> p.openContext(ep("cancelBeforeStarted"), false));
            assertEquals(p.peer(), cc.canceller());
            String text = cc.remoteMessage() + "\n" + cc.remoteStackTrace();
            assertTrue(text.contains("itself"), text);
            assertEquals(IllegalStateException.class.getName(), p.run(Sem::state, "cbs.openStream"));
            assertTrue(Long.parseLong(p.run(Sem::state, "cbs.cancelledAfterMs")) < 100 * SLACK);
        });
    }

    // 14. parent opens its stream and sends 65 msgs (buffer 64 + 1); the child never opens a stream →
    //     the parent raises RAE(StreamOverrun) within 1 s
    @ParameterizedTest
    @MethodSource("tractor.runtime.Matrix#pairs")
    void s14_childNeverOpensItsStream(String b, String t) throws Exception {
        withChild(b, t, p -> {
            long[] t0 = {0};
            RemoteActorError e = assertThrows(RemoteActorError.class, () -> {
                try (Context ctx = p.openContext(ep("neverOpensStream"), false)) {
                    try (MsgStream s = ctx.openStream()) {
                        t0[0] = System.nanoTime();
                        for (int i = 0; i < 65; i++) s.send(i);
                        CancelScope.failAfter(Duration.ofSeconds(10), s::receive);
                    }
                }
            });
            within(1, t0[0], "overrun report");
            assertEquals(StreamOverrun.class, e.boxedType().orElseThrow());
        });
    }

    // 15. the child streams forever; the parent never opens a stream → its buffer overflows, the
    //     StreamOverrun is sent to the child whose send raises → RAE(RAE/StreamOverrun)
    @ParameterizedTest
    @MethodSource("tractor.runtime.Matrix#pairs")
    void s15_parentNeverOpensItsStream(String b, String t) throws Exception {
        withChild(b, t, p -> {
            RemoteActorError e = assertThrows(RemoteActorError.class, () -> {
                try (Context ctx = p.openContext(ep("streamForever"), false)) {
                    Sc.sleep(Duration.ofMillis(500)); // not reading: the child floods the ctx buffer
                    CancelScope.failAfter(Duration.ofSeconds(10), ctx::waitForResult);
                }
            });
            assertTrue(e.isInception(), e.toString());
            assertEquals(RemoteActorError.class, e.boxedType().orElseThrow());
            assertEquals(StreamOverrun.class.getName(), e.srcTypeName());
        });
    }

    static final int ROUNDS = 2;
    static final int BATCH = 100; // > the default 64 buffer: Java has no msg_buffer_size to make it 1
    static final long SLOW_MS = 5;

    static Object runBatches(Portal p, String slowSide, boolean allowOnParent, boolean cancelCtx) throws Exception {
        try (Context ctx = p.openContext(ep("batches"), allowOnParent, slowSide, ROUNDS, BATCH, SLOW_MS, cancelCtx)) {
            try (MsgStream s = ctx.openStream()) {
                for (int r = 0; r < ROUNDS; r++) {
                    if (slowSide.equals("child")) {
                        for (int i = 0; i < BATCH; i++) s.send(r * BATCH + i);
                        for (int i = 0; i < BATCH; i++) assertEquals((long) (r * BATCH + i), ((Number) s.receive()).longValue());
                    } else {
                        s.send("go");
                        for (int i = 0; i < BATCH; i++) {
                            assertEquals((long) (r * BATCH + i), ((Number) s.receive()).longValue());
                            Sc.sleep(Duration.ofMillis(SLOW_MS));
                        }
                    }
                }
                s.send("done");
            }
            if (cancelCtx) ctx.cancel();
            return ctx.waitForResult();
        }
    }

    // 16. overruns allowed on the slow side (here: the parent, the only side Java lets allow them) →
    //     completes; with cancel_ctx the result is ctxc(c=parent), else 'yo'; < 4 s
    @ParameterizedTest
    @MethodSource("tractor.runtime.Matrix#pairs")
    void s16_overrunsAllowedOnTheSlowParent(String b, String t) throws Exception {
        withChild(b, t, p -> {
            for (boolean cancelCtx : new boolean[] {false, true}) {
                long t0 = System.nanoTime();
                Object r = runBatches(p, "parent", true, cancelCtx);
                if (cancelCtx) assertEquals(me(), assertInstanceOf(ContextCancelled.class, r).canceller());
                else assertEquals("yo", r);
                within(4, t0, "batches");
            }
        });
    }

    // 16 (slow_side=child, allowed on the child): the slow child opens its stream allowing overruns → no error
    @ParameterizedTest
    @MethodSource("tractor.runtime.Matrix#pairs")
    void s16_overrunsAllowedOnTheSlowChild(String b, String t) throws Exception {
        withChild(b, t, p -> {
            try (Context ctx = p.openContext(ep("batchesAllowingOverruns"), false, ROUNDS, BATCH, SLOW_MS)) {
                try (MsgStream s = ctx.openStream()) {
                    assertEquals("open", s.receive(), "the child's stream allows overruns from here on");
                    for (int r = 0; r < ROUNDS; r++) {
                        for (int i = 0; i < BATCH; i++) s.send(r * BATCH + i);
                        for (int i = 0; i < BATCH; i++) assertEquals((long) (r * BATCH + i), ((Number) s.receive()).longValue());
                    }
                    s.send("done");
                }
                assertEquals("yo", ctx.waitForResult());
            }
        });
    }

    // 17. the child is slow and does not allow overruns → the root raises RAE(StreamOverrun)
    @ParameterizedTest
    @MethodSource("tractor.runtime.Matrix#pairs")
    void s17_slowChildNotAllowingOverruns(String b, String t) throws Exception {
        withChild(b, t, p -> {
            for (boolean allowOnParent : new boolean[] {false, true}) { // none | parent (!= slow side)
                RemoteActorError e = assertThrows(RemoteActorError.class, () -> runBatches(p, "child", allowOnParent, false));
                assertTrue(e.boxedType().orElseThrow() == StreamOverrun.class
                        || StreamOverrun.class.getName().equals(e.srcTypeName()), e.toString());
            }
        });
    }

    // 18. the parent is slow and does not allow → the child (sender) errors → the root raises an RAE whose
    //     boxed type is RAE and whose text contains "StreamOverrun". Java: the parent also learns the loss
    //     locally (StreamOverrun raised by its receive at the point of loss).
    @ParameterizedTest
    @MethodSource("tractor.runtime.Matrix#pairs")
    void s18_slowParentNotAllowingOverruns(String b, String t) throws Exception {
        withChild(b, t, p -> {
            Throwable e = assertThrows(Throwable.class, () -> runBatches(p, "parent", false, false));
            if (e instanceof StreamOverrun local) {
                assertTrue(local.getMessage().contains("dropped"), local.getMessage());
            } else {
                RemoteActorError rae = assertInstanceOf(RemoteActorError.class, e);
                assertEquals(RemoteActorError.class, rae.boxedType().orElseThrow(), rae.toString());
                assertTrue((rae.remoteMessage() + rae.remoteStackTrace() + rae.srcTypeName()).contains("StreamOverrun"));
            }
        });
    }

    // 19. the root opens a context on a portal to itself → RuntimeError "Invalid Operation" (Java:
    //     RuntimeFailure naming the local actor "itself")
    @ParameterizedTest
    @MethodSource("tractor.runtime.Matrix#pairs")
    void s19_ctxWithSelfActor(String b, String t) throws Exception {
        Tractor.openNursery(Matrix.root(b, t), an -> {
            Portal self = Tractor.findActor(Tractor.currentActor().name()).orElseThrow();
            tractor.RuntimeFailure e = assertThrows(tractor.RuntimeFailure.class, () -> self.openContext(Ctxs::sleepForever));
            assertTrue(e.getMessage().contains("itself"), e.getMessage());
        });
    }
}
