package tractor.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tractor.ActorOptions;
import tractor.Context;
import tractor.ContextCancelled;
import tractor.MsgStream;
import tractor.Portal;
import tractor.RemoteActorError;
import tractor.Tractor;
import tractor.runtime.it.Calls;
import tractor.runtime.it.Ctxs;
import tractor.sc.EndOfChannelException;
import tractor.testkit.Bounded;

@Bounded(seconds = 30)
class ContextTest {
    interface Body {
        void run(Portal p) throws Exception;
    }

    static void withChild(String backend, String transport, Body body) throws Exception {
        Tractor.openNursery(Matrix.root(backend, transport), an -> {
            Portal p = an.startActor("ctx-child", ActorOptions.of().enable(Ctxs.class, Calls.class));
            try {
                body.run(p);
            } finally {
                p.cancelActor();
            }
        });
    }

    @ParameterizedTest
    @MethodSource("tractor.runtime.Matrix#pairs")
    void echoStreamThenResult(String b, String t) throws Exception {
        withChild(b, t, p -> {
            try (Context ctx = p.openContext(Ctxs::echo)) {
                assertEquals("ready", ctx.first());
                try (MsgStream s = ctx.openStream()) {
                    for (int i = 0; i < 10; i++) {
                        s.send("ping " + i);
                        assertEquals("ping " + i, s.receive());
                    }
                }
                assertEquals(10L, ctx.waitForResult());
                assertTrue(ctx.hasOutcome());
            }
        });
    }

    @ParameterizedTest
    @MethodSource("tractor.runtime.Matrix#pairs")
    void oneWayIterationEndsAtThePeersStop(String b, String t) throws Exception {
        withChild(b, t, p -> {
            try (Context ctx = p.openContext(Ctxs::count, 50)) {
                assertEquals(50L, ctx.first());
                List<Object> got = new ArrayList<>();
                try (MsgStream s = ctx.openStream()) {
                    for (Object o : s) got.add(o);
                    assertThrows(EndOfChannelException.class, s::receive);
                }
                assertEquals(50, got.size());
                assertEquals(49L, got.getLast());
                assertEquals("sent", ctx.waitForResult());
            }
        });
    }

    @ParameterizedTest
    @MethodSource("tractor.runtime.Matrix#pairs")
    void allowOverrunsQueuesPastTheBufferAndLosesNothing(String b, String t) throws Exception {
        withChild(b, t, p -> {
            try (Context ctx = p.openContext(tractor.Endpoint.parse(Ctxs.class.getName() + "#count"), true, 600)) {
                List<Object> got = new ArrayList<>();
                try (MsgStream s = ctx.openStream()) {
                    for (Object o : s) got.add(o);
                }
                assertEquals(600, got.size());
                assertEquals("sent", ctx.waitForResult());
            }
        });
    }

    @ParameterizedTest
    @MethodSource("tractor.runtime.Matrix#pairs")
    void aReceiverThatFellBehindLearnsOfTheLoss(String b, String t) throws Exception {
        withChild(b, t, p -> {
            try (Context ctx = p.openContext(Ctxs::count, 5000)) {
                MsgStream s = ctx.openStream();
                tractor.sc.Sc.sleep(java.time.Duration.ofMillis(300)); // not consuming while the child floods the stream
                tractor.StreamOverrun e = assertThrows(tractor.StreamOverrun.class, () -> {
                    for (int i = 0; i < 5000; i++) s.receive();
                });
                assertTrue(e.getMessage().contains("dropped"), e.getMessage());
                try {
                    assertEquals("sent", ctx.waitForResult());
                } catch (RemoteActorError senderSawTheOverrunToo) {
                    // relayed by the child: a box of the box it received
                    assertEquals(tractor.StreamOverrun.class.getName(), senderSawTheOverrunToo.srcTypeName());
                    assertTrue(senderSawTheOverrunToo.isInception());
                }
            }
        });
    }

    @ParameterizedTest
    @MethodSource("tractor.runtime.Matrix#pairs")
    void errorBeforeStartedSurfacesFromOpen(String b, String t) throws Exception {
        withChild(b, t, p -> {
            RemoteActorError e = assertThrows(RemoteActorError.class, () -> p.openContext(Ctxs::failBeforeStarted));
            assertEquals(IllegalArgumentException.class, e.boxedType().orElseThrow());
        });
    }

    @ParameterizedTest
    @MethodSource("tractor.runtime.Matrix#pairs")
    void errorMidStreamIsRaisedByReceive(String b, String t) throws Exception {
        withChild(b, t, p -> {
            try (Context ctx = p.openContext(Ctxs::failMidStream, 3)) {
                try (MsgStream s = ctx.openStream()) {
                    for (long i = 0; i < 3; i++) assertEquals(i, s.receive());
                    RemoteActorError e = assertThrows(RemoteActorError.class, s::receive);
                    assertEquals("mid-stream failure", e.remoteMessage());
                }
                assertThrows(RemoteActorError.class, ctx::waitForResult);
            }
        });
    }

    @ParameterizedTest
    @MethodSource("tractor.runtime.Matrix#pairs")
    void selfCancelIsAbsorbedAndReturned(String b, String t) throws Exception {
        withChild(b, t, p -> {
            try (Context ctx = p.openContext(Ctxs::sleepForever)) {
                ctx.cancel();
                ContextCancelled cc = assertInstanceOf(ContextCancelled.class, ctx.waitForResult());
                assertEquals(Tractor.currentActor().uid(), cc.canceller());
                assertTrue(ctx.cancelCalled());
                assertTrue(ctx.cancelAcked());
            }
        });
    }

    @ParameterizedTest
    @MethodSource("tractor.runtime.Matrix#pairs")
    void aCancelRequestedByTheChildItselfIsRaised(String b, String t) throws Exception {
        withChild(b, t, p -> {
            try (Context ctx = p.openContext(Ctxs::cancelSelf)) {
                ContextCancelled cc = assertThrows(ContextCancelled.class, ctx::waitForResult);
                assertEquals(p.peer(), cc.canceller());
                assertFalse(ctx.cancelAcked());
            }
        });
    }

    @ParameterizedTest
    @MethodSource("tractor.runtime.Matrix#pairs")
    void ourOwnCancelActorIsNotASelfCancel(String b, String t) throws Exception {
        Tractor.openNursery(Matrix.root(b, t), an -> {
            Portal p = an.startActor("ctx-child", ActorOptions.of().enable(Ctxs.class));
            try (Context ctx = p.openContext(Ctxs::sleepForever)) {
                assertTrue(p.cancelActor());
                ContextCancelled cc = assertThrows(ContextCancelled.class, ctx::waitForResult);
                assertEquals(Tractor.currentActor().uid(), cc.canceller());
            }
        });
    }

    @ParameterizedTest
    @MethodSource("tractor.runtime.Matrix#pairs")
    void protocolMisuseInTheChildReachesTheParentBoxed(String b, String t) throws Exception {
        withChild(b, t, p -> {
            try (Context ctx = p.openContext(Ctxs::startedTwice)) {
                RemoteActorError e = assertThrows(RemoteActorError.class, ctx::waitForResult);
                assertEquals(IllegalStateException.class, e.boxedType().orElseThrow());
                assertTrue(e.remoteMessage().contains("twice"), e.remoteMessage());
            }
            RemoteActorError e = assertThrows(RemoteActorError.class, () -> p.openContext(Ctxs::streamBeforeStarted));
            assertTrue(e.remoteMessage().contains("started() must be called before"), e.remoteMessage());
        });
    }

    /**
     * Bad input is refused where it is given, with the API's {@link tractor.MsgEncodeError}, and loses
     * nothing: a value with no wire mapping sent on a stream, or passed as a call's argument, is not sent,
     * and the stream and the portal go on.
     */
    @ParameterizedTest
    @MethodSource("tractor.runtime.Matrix#pairs")
    void anUnencodableValueIsRefusedWithMsgEncodeErrorAndNothingIsLost(String b, String t) throws Exception {
        withChild(b, t, p -> {
            try (Context ctx = p.openContext(Ctxs::echo)) {
                ctx.first();
                try (MsgStream s = ctx.openStream()) {
                    tractor.MsgEncodeError e = assertThrows(tractor.MsgEncodeError.class, () -> s.send(new Object()));
                    assertTrue(e.getMessage().contains("cannot encode a java.lang.Object"), e.getMessage());
                    s.send(7L);
                    assertEquals(7L, s.receive());
                }
                assertEquals(1L, ((Number) ctx.waitForResult()).longValue(), "the child echoed one value: the refused one never left");
            }
            tractor.MsgEncodeError e = assertThrows(tractor.MsgEncodeError.class, () -> p.run(Calls.class.getName() + "#add", new Object(), 2));
            assertTrue(e.getMessage().contains("java.lang.Object"), e.getMessage());
            assertEquals(3, p.run(Calls::add, 1, 2));
        });
    }

    /**
     * A task cancelled inside a context block (tractor: cancelled inside {@code open_context}) cancels the
     * far task, waits for its ack and ends cancelled: leaving without {@code waitForResult()} is the
     * cancellation's doing, not a misuse, so {@code close()} raises nothing that would unmask the cancel.
     */
    @ParameterizedTest
    @MethodSource("tractor.runtime.Matrix#pairs")
    void aTaskCancelledInsideAContextBlockEndsCancelledAndTheFarTaskToo(String b, String t) throws Exception {
        withChild(b, t, p -> {
            Context[] opened = new Context[1];
            tractor.sc.CancelScope scope = tractor.sc.CancelScope.run(s -> {
                try (Context ctx = p.openContext(Ctxs::sleepForever)) {
                    opened[0] = ctx;
                    s.cancel();
                    tractor.sc.Sc.sleepForever();
                }
            });
            assertTrue(scope.cancelledCaught(), "the scope's cancellation ended the block, nothing else");
            assertTrue(opened[0].cancelCalled(), "the far task was cancelled");
            assertTrue(opened[0].cancelAcked(), "and its cancellation was acknowledged before close() returned");
        });
    }

    /** The same under a nursery: a sibling's error is what the nursery raises, alone. */
    @ParameterizedTest
    @MethodSource("tractor.runtime.Matrix#pairs")
    void aSiblingsErrorCancelsATaskInAContextBlockAndIsRaisedAlone(String b, String t) throws Exception {
        withChild(b, t, p -> {
            IllegalArgumentException boom = new IllegalArgumentException("boom");
            tractor.sc.Event inBlock = new tractor.sc.Event();
            Throwable e = assertThrows(Throwable.class, () -> tractor.sc.Nursery.run(n -> {
                n.startSoon("in a context", () -> {
                    try (Context ctx = p.openContext(Ctxs::sleepForever)) {
                        inBlock.set();
                        tractor.sc.Sc.sleepForever();
                    }
                });
                inBlock.await();
                throw boom;
            }));
            assertEquals(boom, e, () -> "the sibling's error alone, got " + e);
        });
    }

    @ParameterizedTest
    @MethodSource("tractor.runtime.Matrix#pairs")
    void closingWithoutWaitingCancelsTheFarTask(String b, String t) throws Exception {
        withChild(b, t, p -> {
            Context ctx = p.openContext(Ctxs::sleepForever);
            IllegalStateException e = assertThrows(IllegalStateException.class, ctx::close);
            assertTrue(e.getMessage().contains("without waitForResult"), e.getMessage());
            assertTrue(ctx.cancelCalled());
            assertTrue(ctx.cancelAcked());
        });
    }

    @ParameterizedTest
    @MethodSource("tractor.runtime.Matrix#pairs")
    void overrunIsReportedToTheSender(String b, String t) throws Exception {
        withChild(b, t, p -> {
            try (Context ctx = p.openContext(Ctxs::neverReads)) {
                MsgStream s = ctx.openStream();
                // the overrun is reported asynchronously: keep sending until the report arrives (bounded)
                RemoteActorError e = assertThrows(RemoteActorError.class, () -> tractor.sc.CancelScope.failAfter(
                        java.time.Duration.ofSeconds(10), () -> {
                            for (long i = 0; ; i++) s.send(i);
                        }));
                assertEquals(tractor.StreamOverrun.class, e.boxedType().orElseThrow());
                s.close();
            } catch (RemoteActorError expectedAtClose) {
                assertEquals(tractor.StreamOverrun.class, expectedAtClose.boxedType().orElseThrow());
            }
        });
    }

    @ParameterizedTest
    @MethodSource("tractor.runtime.Matrix#pairs")
    void wrongEndpointKindsAreRefused(String b, String t) throws Exception {
        withChild(b, t, p -> {
            assertThrows(IllegalArgumentException.class, () -> p.run(Object.class, tractor.Endpoint.parse(Ctxs.class.getName() + "#whoseCtx")));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> p.openContext(tractor.Endpoint.parse(Calls.class.getName() + "#whoAmI"), false));
            assertTrue(e.getMessage().contains("not a context endpoint"), e.getMessage());
            try (Context ctx = p.openContext(Ctxs::whoseCtx)) {
                assertEquals("same", ctx.waitForResult());
            }
        });
    }

    @ParameterizedTest
    @MethodSource("tractor.runtime.Matrix#pairs")
    void callbackFormReturnsTheResult(String b, String t) throws Exception {
        withChild(b, t, p -> {
            Object r = p.withContext(Ctxs::echo, ctx -> {
                assertEquals("ready", ctx.first());
                try (MsgStream s = ctx.openStream()) {
                    s.send("x");
                    assertEquals("x", s.receive());
                }
            });
            assertEquals(1L, r);
        });
    }

    @ParameterizedTest
    @MethodSource("tractor.runtime.Matrix#pairs")
    void callbackFormAChildErrorCancelsTheBodyAndIsRaised(String b, String t) throws Exception {
        withChild(b, t, p -> {
            RemoteActorError e = assertThrows(RemoteActorError.class, () -> p.withContext(Ctxs::failMidStream, 0, ctx -> {
                tractor.sc.Sc.sleepForever(); // woken by the child's error
            }));
            assertEquals("mid-stream failure", e.remoteMessage());
        });
    }

    @ParameterizedTest
    @MethodSource("tractor.runtime.Matrix#pairs")
    void callbackFormABodyErrorCancelsTheFarTaskAndIsRethrown(String b, String t) throws Exception {
        withChild(b, t, p -> {
            IllegalStateException boom = new IllegalStateException("parent body failed");
            Context[] seen = new Context[1];
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> p.withContext(Ctxs::sleepForever, ctx -> {
                seen[0] = ctx;
                throw boom;
            }));
            assertEquals(boom, e);
            assertTrue(seen[0].cancelCalled(), "the far task was cancelled");
        });
    }

    @ParameterizedTest
    @MethodSource("tractor.runtime.Matrix#pairs")
    void callbackFormAbsorbsASelfCancel(String b, String t) throws Exception {
        withChild(b, t, p -> {
            Object r = p.withContext(Ctxs::sleepForever, Context::cancel);
            ContextCancelled cc = assertInstanceOf(ContextCancelled.class, r);
            assertEquals(Tractor.currentActor().uid(), cc.canceller());
        });
    }
}
