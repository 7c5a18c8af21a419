package tractor.spawn.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tractor.testkit.Bounded;

/**
 * When the pool refills: {@link WarmPool#REFILL_DELAY} after a hit (the new JVM's boot must not compete
 * with the boot of the one just handed out), at once after a miss. The pooled processes here are
 * {@code cat}s standing in for pooled JVMs: the pool only starts, claims and counts them.
 */
@Bounded(seconds = 30)
class WarmPoolRefillTest {
    private static final Duration FILL = Duration.ofSeconds(10);
    private static final WarmPool.Shape SHAPE = new WarmPool.Shape(List.of("cat"), Map.of());
    private final List<Long> starts = new CopyOnWriteArrayList<>();
    private final List<ProcessChild> started = new CopyOnWriteArrayList<>();
    private final WarmPool pool = new WarmPool(this::start);

    private boolean closed;

    /** The pool's starter; refuses once the test ended (a delayed refill may still come), as a closed backend does. */
    private synchronized ProcessChild start(WarmPool.Shape shape) {
        if (closed) throw new tractor.sc.ClosedResourceException("the test ended: no refill");
        starts.add(System.nanoTime());
        try {
            ProcessChild c = new ProcessChild("pool", new ProcessBuilder(shape.command()).start()).start();
            started.add(c);
            return c;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + shape.command(), e);
        }
    }

    @AfterEach
    void killAll() throws Exception {
        synchronized (this) {
            closed = true;
        }
        for (ProcessChild c : started) c.hardStop();
        for (ProcessChild c : started) assertTrue(c.waitFor(Duration.ofSeconds(5)), "not reaped: " + c);
    }

    private static byte[] line(String s) {
        return (s + "\n").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aHitRefillsOnlyAfterTheDelay() throws Exception {
        pool.refill(SHAPE, 1);
        assertTrue(pool.awaitIdle(1, FILL), "the pool never filled: " + pool);
        long hit = System.nanoTime();
        Optional<ProcessChild> taken = pool.take(SHAPE, 1, "a", line("a"));
        assertTrue(taken.isPresent(), "no hit from a filled pool");
        assertTrue(pool.awaitIdle(1, FILL), "no refill after a hit: " + pool);
        assertEquals(2, starts.size(), "starts: " + starts);
        long waited = starts.get(1) - hit;
        assertTrue(waited >= WarmPool.REFILL_DELAY.toNanos(), "the refill started " + waited / 1_000_000 + " ms after the hit, before "
                + WarmPool.REFILL_DELAY);
    }

    @Test
    void aMissStartsARefillThatTheNextTakeWaitsFor() throws Exception {
        assertTrue(pool.take(SHAPE, 1, "miss", line("miss")).isEmpty(), "a hit from an empty pool");
        Optional<ProcessChild> next = pool.take(SHAPE, 1, "next", line("next")); // waits for the refill the miss started
        assertTrue(next.isPresent(), "the take did not wait for the refill of the miss: " + pool);
        assertEquals(started.getFirst(), next.get());
    }
}
