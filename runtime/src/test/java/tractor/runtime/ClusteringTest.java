package tractor.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tractor.ClusterOptions;
import tractor.Context;
import tractor.MsgStream;
import tractor.Portal;
import tractor.Tractor;
import tractor.runtime.it.Calls;
import tractor.runtime.it.Discover;
import tractor.testkit.Bounded;
import tractor.trionics.ScopedResource;
import tractor.trionics.Trionics;

/** tractor's tests/test_clustering.py (scenarios 99–100) and the shape of {@code openActorCluster}. */
@Bounded(seconds = 40)
class ClusteringTest {
    private static final int CORES = Runtime.getRuntime().availableProcessors();

    /** One worker per core by default, named worker_i, each serving the enabled classes; keys in order. */
    @ParameterizedTest
    @ValueSource(strings = {"tcp", "uds"})
    void defaultClusterIsOneWorkerPerCore(String transport) throws Exception {
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < CORES; i++) expected.add("worker_" + i);
        Tractor.openActorCluster(ClusterOptions.of(Calls.class).root(Matrix.root("thread", transport)), portals -> {
            assertEquals(expected, List.copyOf(portals.keySet()));
            for (Map.Entry<String, Portal> e : portals.entrySet()) assertEquals(e.getKey(), e.getValue().run(Calls::whoAmI));
            assertThrows(UnsupportedOperationException.class, () -> portals.clear());
        });
    }

    /** Given names: as many actors, named so; a count that does not match the names is refused. */
    @Test
    void namedCluster() throws Exception {
        Tractor.openActorCluster(ClusterOptions.of(Calls.class).names("ann", "bob", "cy").root(Matrix.root("thread", "tcp")),
                portals -> assertEquals(List.of("ann", "bob", "cy"), List.copyOf(portals.keySet())));
        ClusterOptions o = ClusterOptions.of(Calls.class);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ClusterOptions(2, List.of("solo"), o.actor(), o.root()));
        assertTrue(e.getMessage().contains("count 2") && e.getMessage().contains("[solo]"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> o.count(0));
    }

    /** 99: gathering zero contexts inside an open cluster fails with IllegalArgumentException; torn down within 3 s. */
    @ParameterizedTest
    @ValueSource(strings = {"tcp", "uds"})
    void emptyManagersInputRaises(String transport) throws Exception {
        long[] failedAt = new long[1];
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Tractor.openActorCluster(
                ClusterOptions.of(Discover.class).root(Matrix.root("thread", transport)), portals -> {
                    failedAt[0] = System.nanoTime();
                    Trionics.<Context>gatherContexts(List.of(), ctxs -> { });
                }));
        assertTrue(e.getMessage().contains("at least one"), e.getMessage());
        assertTrue(Procs.secondsSince(failedAt[0]) < 3, "cluster torn down in " + Procs.secondsSince(failedAt[0]) + " s");
    }

    /**
     * 100: a context and a stream to every worker of a cpu-count cluster, opened concurrently; one
     * message round-robin to each for 1 s (the workers check it); torn down within 6 s. Unlike tractor's
     * test, the sender waits for a worker's acknowledgement every {@link Discover#WINDOW} messages: here
     * the overrun buffer is bounded even with overruns allowed, and a blind flood ends in
     * {@code StreamOverrun} (fault B.22).
     */
    @ParameterizedTest
    @MethodSource("tractor.runtime.Matrix#pairs")
    void streamingToActorCluster(String backend, String transport) throws Exception {
        long[] sent = new long[1];
        long[] received = new long[1];
        long[] stopAt = new long[1];
        Tractor.openActorCluster(ClusterOptions.of(Discover.class).root(Matrix.root(backend, transport)), portals -> {
            List<ScopedResource<Context>> ctxs = new ArrayList<>();
            for (Portal p : portals.values()) ctxs.add(ScopedResource.ofCloseable(() -> p.openContext(Discover::worker)));
            Trionics.gatherContexts(ctxs, contexts -> {
                List<ScopedResource<MsgStream>> streams = new ArrayList<>();
                for (Context c : contexts) streams.add(ScopedResource.ofCloseable(c::openStream));
                Trionics.gatherContexts(streams, open -> {
                    long end = System.nanoTime() + Duration.ofSeconds(1).toNanos();
                    long[] perStream = new long[open.size()];
                    for (int i = 0; System.nanoTime() < end; i = (i + 1) % open.size()) {
                        open.get(i).send(Discover.MESSAGE);
                        sent[0]++;
                        if (++perStream[i] % Discover.WINDOW == 0) assertEquals(perStream[i], ((Number) open.get(i).receive()).longValue());
                    }
                });
                for (Context c : contexts) received[0] += ((Number) c.waitForResult()).longValue();
            });
            stopAt[0] = System.nanoTime();
        });
        assertTrue(sent[0] >= CORES, "sent " + sent[0]);
        assertEquals(sent[0], received[0], "every message reached a worker");
        assertTrue(Procs.secondsSince(stopAt[0]) < 6, "cluster torn down in " + Procs.secondsSince(stopAt[0]) + " s");
    }
}
