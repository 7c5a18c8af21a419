package tractor.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tractor.ActorOptions;
import tractor.Context;
import tractor.MsgStream;
import tractor.MsgTypeError;
import tractor.Portal;
import tractor.RemoteActorError;
import tractor.Tractor;
import tractor.runtime.it.Streams;
import tractor.sc.Nursery;
import tractor.testkit.Bounded;

@Bounded(seconds = 30)
class StreamTest {
    interface Body {
        void run(Portal p) throws Exception;
    }

    static void withChild(String backend, String transport, Body body) throws Exception {
        Tractor.openNursery(Matrix.root(backend, transport), an -> {
            Portal p = an.startActor("streamer", ActorOptions.of().enable(Streams.class));
            try {
                body.run(p);
            } finally {
                p.cancelActor();
            }
        });
    }

    static List<Object> all(MsgStream s) {
        List<Object> out = new ArrayList<>();
        for (Object o : s) out.add(o);
        return out;
    }

    @ParameterizedTest
    @MethodSource("tractor.runtime.Matrix#pairs")
    void oneWayStreamsOfEveryShape(String b, String t) throws Exception {
        withChild(b, t, p -> {
            try (MsgStream s = p.openStreamFrom(Streams::range, 10)) {
                assertEquals(List.of(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L), all(s));
            }
            try (MsgStream s = p.openStreamFrom(Streams::words)) {
                assertEquals(List.of("cellar", "door"), all(s));
            }
            try (MsgStream s = p.openStreamFrom(Streams::countdown, 3L)) {
                assertEquals(List.of(3L, 2L, 1L, 0L), all(s));
            }
            try (MsgStream s = p.openStreamFrom(Streams::emit, 3)) {
                assertEquals(List.of("tick 0", "tick 1", "tick 2"), all(s));
                assertThrows(UnsupportedOperationException.class, () -> s.send("no way back"));
            }
            assertEquals(List.of("cellar", "door"), p.run(Streams::words), "run() of an Iterable endpoint returns the value");
        });
    }

    @ParameterizedTest
    @MethodSource("tractor.runtime.Matrix#pairs")
    void aFastProducerNeverOverrunsASlowConsumer(String b, String t) throws Exception {
        withChild(b, t, p -> {
            int n = 50_000;
            long expected = (long) n * (n - 1) / 2;
            long sum = 0;
            long count = 0;
            try (MsgStream s = p.openStreamFrom(Streams::range, n)) {
                for (Object o : s) {
                    sum += (Long) o;
                    if (++count % 10_000 == 0) tractor.sc.Sc.sleep(java.time.Duration.ofMillis(50)); // the consumer stalls now and then
                }
            }
            assertEquals(n, count);
            assertEquals(expected, sum);
            // the same through a subscription: its consumption grants credit too
            try (MsgStream s = p.openStreamFrom(Streams::range, 2_000); MsgStream sub = s.subscribe()) {
                long c = 0;
                for (Object o : sub) c++;
                assertEquals(2_000, c);
            }
        });
    }

    @ParameterizedTest
    @MethodSource("tractor.runtime.Matrix#pairs")
    void leavingTheConsumerCancelsTheProducer(String b, String t) throws Exception {
        Path marker = Files.createTempFile("producer", ".marker");
        Files.delete(marker);
        withChild(b, t, p -> {
            try (MsgStream s = p.openStreamFrom(Streams::forever, marker.toString())) {
                for (long i = 0; i < 5; i++) assertEquals(i, s.receive());
            }
            assertEquals("cancelled", Files.readString(marker), "the producer's cleanup ran before close() returned");
        });
        Files.deleteIfExists(marker);
    }

    /** A consumer cancelled by a sibling's error cancels its producer and ends cancelled: the sibling's error is raised alone. */
    @ParameterizedTest
    @MethodSource("tractor.runtime.Matrix#pairs")
    void aSiblingsErrorCancelsAConsumerAndItsProducerAndIsRaisedAlone(String b, String t) throws Exception {
        Path marker = Files.createTempFile("producer", ".marker");
        Files.delete(marker);
        withChild(b, t, p -> {
            IllegalArgumentException boom = new IllegalArgumentException("boom");
            tractor.sc.Event consuming = new tractor.sc.Event();
            Throwable e = org.junit.jupiter.api.Assertions.assertThrows(Throwable.class, () -> tractor.sc.Nursery.run(n -> {
                n.startSoon("consumer", () -> {
                    try (MsgStream s = p.openStreamFrom(Streams::forever, marker.toString())) {
                        for (Object v : s) consuming.set();
                    }
                });
                consuming.await();
                throw boom;
            }));
            assertEquals(boom, e, () -> "the sibling's error alone, got " + e);
            assertEquals("cancelled", Files.readString(marker), "the producer's cleanup ran before the nursery ended");
        });
        Files.deleteIfExists(marker);
    }

    @ParameterizedTest
    @MethodSource("tractor.runtime.Matrix#pairs")
    void aProducerErrorReachesTheConsumer(String b, String t) throws Exception {
        withChild(b, t, p -> {
            try (MsgStream s = p.openStreamFrom(Streams::failsAfter, 2)) {
                assertEquals(0L, s.receive());
                assertEquals(1L, s.receive());
                RemoteActorError e = assertThrows(RemoteActorError.class, s::receive);
                assertEquals(IllegalStateException.class, e.boxedType().orElseThrow());
            }
        });
    }

    @ParameterizedTest
    @MethodSource("tractor.runtime.Matrix#pairs")
    void targetsOfTheWrongShapeAreRefused(String b, String t) throws Exception {
        withChild(b, t, p -> {
            IllegalArgumentException local = assertThrows(IllegalArgumentException.class, () -> p.openStreamFrom(Streams::notStreaming, 1));
            assertTrue(local.getMessage().contains("not a streaming endpoint"), local.getMessage());
            RemoteActorError remote = assertThrows(RemoteActorError.class,
                    () -> p.run(Object.class, tractor.Endpoint.parse(Streams.class.getName() + "#range"), 3));
            assertTrue(remote.remoteMessage().contains("openStreamFrom"), remote.remoteMessage());
        });
    }

    @ParameterizedTest
    @MethodSource("tractor.runtime.Matrix#pairs")
    void subscribersEachGetEveryValueAndSendGoesUpstream(String b, String t) throws Exception {
        withChild(b, t, p -> {
            int n = 20;
            try (Context ctx = p.openContext(Streams::broadcastSource, n)) {
                try (MsgStream s = ctx.openStream()) {
                    List<List<Object>> got = Collections.synchronizedList(new ArrayList<>());
                    List<MsgStream> subs = List.of(s.subscribe(), s.subscribe(), s.subscribe());
                    Nursery.run(tasks -> {
                        for (MsgStream sub : subs) {
                            tasks.startSoon(() -> {
                                List<Object> mine = new ArrayList<>();
                                for (int i = 0; i < n; i++) mine.add(sub.receive());
                                got.add(mine);
                            });
                        }
                    });
                    subs.getFirst().send("hi"); // proxied upstream
                    assertEquals(3, got.size());
                    for (List<Object> g : got) assertEquals(n, g.size());
                    assertEquals(got.get(0), got.get(1));
                    for (MsgStream sub : subs) assertEquals("echo:hi", sub.receive());
                    subs.forEach(MsgStream::close);
                }
                ctx.waitForResult();
            }
        });
    }

    @ParameterizedTest
    @MethodSource("tractor.runtime.Matrix#pairs")
    void typedPayloadsRoundTripAndViolationsAreMsgTypeErrors(String b, String t) throws Exception {
        withChild(b, t, p -> {
            try (Context ctx = p.openContext(Streams::typedPingPong)) {
                assertEquals(new Streams.Ping(0), ctx.first());
                try (MsgStream s = ctx.openStream()) {
                    s.send(new Streams.Ping(5));
                    assertEquals(new Streams.Ping(6), s.receive());
                    s.send(new Streams.Quit("done"));
                }
                assertEquals(new Streams.Quit("done"), ctx.waitForResult());
            }
            try (Context ctx = p.openContext(Streams::returnsBadly)) {
                MsgTypeError e = assertThrows(MsgTypeError.class, ctx::waitForResult);
                assertTrue(e.getMessage().contains("Ping"), e.getMessage());
                assertEquals(e, ctx.outcome());
                assertEquals(e, ctx.maybeError().orElseThrow());
            }
            RemoteActorError started = assertThrows(RemoteActorError.class, () -> p.openContext(Streams::startsBadly));
            assertEquals(MsgTypeError.class, started.boxedType().orElseThrow());
            assertTrue(started.remoteMessage().contains("Ping"), started.remoteMessage());
            try (Context ctx = p.openContext(Streams::streamsBadly)) {
                MsgStream s = ctx.openStream();
                MsgTypeError e = assertThrows(MsgTypeError.class, s::receive);
                assertTrue(e.getMessage().contains("seq"), e.getMessage());
                ctx.cancel();
                assertInstanceOf(tractor.ContextCancelled.class, ctx.waitForResult());
            }
        });
    }
}
