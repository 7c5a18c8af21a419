package tractor.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tractor.ActorOptions;
import tractor.MsgStream;
import tractor.Portal;
import tractor.Tractor;
import tractor.runtime.it.Streamers;
import tractor.sc.CancelScope;
import tractor.sc.Nursery;
import tractor.sc.Sc;
import tractor.testkit.Bounded;

/**
 * tractor's tests/test_legacy_one_way_streaming.py (scenarios 71–75), over {@code Portal.openStreamFrom}.
 *
 * <p>71 ({@code test_must_define_ctx}): legacy {@code @tractor.stream} functions do not exist in Java; its
 * analogue, "a producer of the wrong shape is refused before sending", is {@link StreamTest#targetsOfTheWrongShapeAreRefused}.
 */
@Bounded(seconds = 60)
class LegacyOneWayStreamingTest {

    static Stream<Arguments> pairsAndFlavours() {
        List<Arguments> out = new ArrayList<>();
        for (Arguments a : Matrix.pairs().toList()) {
            for (String flavour : List.of("iterator", "emitter")) out.add(Arguments.of(a.get()[0], a.get()[1], flavour));
        }
        return "rotate".equals(System.getProperty("tractor.matrix")) ? out.stream().limit(2) : out.stream();
    }

    /**
     * 72: findActor misses, then a daemon streams 0..9 (0.1 s apart) from a producer that then blocks; closing
     * the stream inside the iteration ends it (the next step is the end) and cancels the blocked producer; &lt; 5 s.
     * The flavours are tractor's {@code async_gen_stream} (an Iterator) and legacy {@code context_stream} (an Emitter).
     */
    @ParameterizedTest
    @MethodSource("pairsAndFlavours")
    void streamFromSingleSubactor(String b, String t, String flavour) throws Exception {
        Path marker = Files.createTempFile("streamerd", ".marker");
        Files.delete(marker);
        List<Integer> seq = IntStream.range(0, 10).boxed().toList();
        try {
            Tractor.openNursery(Matrix.root(b, t), an -> {
                assertTrue(Tractor.findActor("streamerd").isEmpty(), "no streamerd yet");
                Portal p = an.startActor("streamerd", ActorOptions.of().enable(Streamers.class));
                try {
                    CancelScope.failAfter(Duration.ofSeconds(5), () -> {
                        try (MsgStream s = flavour.equals("iterator")
                                ? p.openStreamFrom(Streamers::seqThenBlock, seq, marker.toString())
                                : p.openStreamFrom(Streamers::emitSeqThenBlock, seq, marker.toString())) {
                            List<Object> got = new ArrayList<>();
                            for (Object v : s) {
                                assertEquals((long) seq.get(got.size()), v);
                                got.add(v);
                                if (got.size() == seq.size()) s.close(); // cancels the far end, which blocks after the sequence
                            }
                            assertEquals(10, got.size());
                            Sc.sleep(Duration.ofMillis(300));
                            assertTrue(s.closed());
                            assertFalse(s.iterator().hasNext(), "the next iteration step after close() is the end");
                        }
                        assertEquals("cancelled", Files.readString(marker), "the blocked producer was cancelled at block exit");
                        return null;
                    });
                } finally {
                    p.cancelActor();
                }
            });
        } finally {
            Files.deleteIfExists(marker);
        }
    }

    static List<Object> take(MsgStream s, int n) {
        List<Object> got = new ArrayList<>();
        for (Object v : s) {
            got.add(v);
            if (got.size() == n) break;
        }
        return got;
    }

    /** The tree of scenarios 73–74: root → aggregator → 2 streamers; returns what the root received. */
    static List<Object> quadrupleExample(long pauseMicros) throws Exception {
        List<Object> got = new ArrayList<>();
        Tractor.openNursery(rootOptions.get(), an -> {
            Portal agg = an.startActor("aggregator", ActorOptions.of().enable(Streamers.class));
            try (MsgStream s = agg.openStreamFrom(Streamers::aggregatePaced, 1000, pauseMicros)) {
                for (Object v : s) got.add(v);
            }
            agg.cancelActor();
        });
        return got;
    }

    static final ThreadLocal<tractor.RootOptions> rootOptions = new ThreadLocal<>();

    static final List<Object> SEQ = IntStream.range(0, 1000).mapToObj(Long::valueOf).map(Object.class::cast).toList();

    /**
     * 73: root receives exactly 0..999 in order through the fan-in aggregator. tractor's time bound (3 s, a
     * performance smoke test) is the bench's ({@code -Dbench=quad}, {@code QuadBench}), not this test's.
     */
    @ParameterizedTest
    @MethodSource("tractor.runtime.Matrix#pairs")
    void aQuadrupleExample(String b, String t) throws Exception {
        rootOptions.set(Matrix.root(b, t));
        assertEquals(SEQ, quadrupleExample(100));
    }

    static Stream<Arguments> pairsAndDelays() {
        List<Arguments> out = new ArrayList<>();
        for (Arguments a : Matrix.pairs().toList()) {
            for (double d : List.of(0.3, 0.8)) out.add(Arguments.of(a.get()[0], a.get()[1], d));
        }
        return "rotate".equals(System.getProperty("tractor.matrix")) ? out.stream().limit(1) : out.stream();
    }

    /**
     * The streamers' pause in 74: 2 ms a value (tractor: 0.1 ms), so that streaming dominates the run and a
     * cancel at (measured − delay) lands mid-stream although a second run of the tree is faster than the first.
     */
    static final long PACED = 2000;

    /** 74: the same tree cancelled at (measured duration − delay): nothing returned, the 4 actors torn down, no hang. */
    @ParameterizedTest
    @MethodSource("pairsAndDelays")
    void notFastEnoughQuad(String b, String t, double cancelDelay) throws Exception {
        rootOptions.set(Matrix.root(b, t));
        long t0 = System.nanoTime();
        assertEquals(SEQ, quadrupleExample(PACED));
        long measured = System.nanoTime() - t0;
        long wait = Math.max(measured - (long) (cancelDelay * 1e9), 0);
        rootOptions.set(Matrix.root(b, t));
        List<Object> result = new ArrayList<>();
        // the cancelled run streams 10x slower than the measured one, so that (measured - delay) always lands
        // before it could finish, however the machine's load differs between the two runs
        CancelScope cs = CancelScope.moveOnAfter(Duration.ofNanos(wait), scope -> result.addAll(quadrupleExample(10 * PACED)));
        assertTrue(cs.cancelledCaught(), "cancelled mid-run (waited " + Duration.ofNanos(wait) + " of " + Duration.ofNanos(measured) + ")");
        assertTrue(result.isEmpty(), "no result when cancelled");
    }

    /** 75: a consumer task over a one-way stream is cancelled and respawned repeatedly; all 11 values arrive exactly once. */
    @ParameterizedTest
    @MethodSource("tractor.runtime.Matrix#pairs")
    void respawnConsumerTask(String b, String t) throws Exception {
        long t0 = System.nanoTime();
        Tractor.openNursery(Matrix.root(b, t), an -> {
            Portal p = an.startActor("streamer", ActorOptions.of().enable(Streamers.class));
            Set<Object> expect = Collections.synchronizedSet(new HashSet<>(IntStream.range(0, 11).mapToObj(Long::valueOf).toList()));
            List<Object> received = Collections.synchronizedList(new ArrayList<>());
            int[] respawns = {0};
            // paced at 40 ms a value so that consumers are cancelled mid-stream
            try (MsgStream s = p.openStreamFrom(Streamers::streamData, 11, 40_000L)) {
                Nursery.StartTask<CancelScope> consume = status -> CancelScope.run(cs -> {
                    status.started(cs);
                    for (Object v : s) {
                        assertTrue(expect.remove(v), "received " + v + " once");
                        received.add(v);
                    }
                });
                Nursery.run(ln -> {
                    CancelScope cs = ln.start(consume);
                    while (!expect.isEmpty()) {
                        Sc.sleep(Duration.ofMillis(25));
                        cs.cancel();
                        cs = ln.start(consume);
                        respawns[0]++;
                    }
                    cs.cancel();
                });
            }
            p.cancelActor();
            assertEquals(IntStream.range(0, 11).mapToObj(Long::valueOf).toList(), received);
            assertTrue(respawns[0] >= 5, "respawned " + respawns[0] + " times");
        });
        assertTrue(System.nanoTime() - t0 < 20e9, "< 20 s");
    }
}
