package tractor.spawn.process;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * Pre-started child JVMs ({@link PoolMain}) waiting for their arguments, one pool per command shape (the
 * pooled command line and the environment: a request with other JVM options gets another pool). A
 * request opts in with the option {@value #OPTION}{@code =<size>}; its spawn takes an idle JVM when
 * there is one, and the pool is refilled to {@code size} in the background by one virtual thread per
 * shape ({@link #REFILL_DELAY} after a hit, at once after a miss). Pooled JVMs are ordinary children
 * of the backend: {@code close()} kills them, and they end by
 * themselves when this JVM dies (end of their standard input).
 */
final class WarmPool {
    /** The request option that sizes the pool (an integer; 0 or absent: no pool). */
    static final String OPTION = "warmPool";
    /** The largest pool size accepted. */
    static final int MAX_SIZE = 64;
    /** How long a spawn waits for a pooled JVM a refill is starting, before it starts one cold. */
    static final java.time.Duration START_WAIT = java.time.Duration.ofSeconds(2);

    /**
     * How long after a hit the refill waits before it starts the next JVM: a JVM's boot and warm-up take
     * a core for a fraction of a second, and started at once it competes with the boot of the actor just
     * handed out (measured: 17 ms with the refill held back, 22 ms without, on 2 cores). A spawn finding
     * the pool empty meanwhile starts cold, and its miss refills at once.
     */
    static final java.time.Duration REFILL_DELAY = java.time.Duration.ofMillis(300);

    /** A pool's key: what a pooled JVM was started with. */
    record Shape(List<String> command, Map<String, String> environment) {}

    /** A shape's refill: whether a refiller runs, and until when it holds back (after a hit). */
    private static final class Refill {
        final AtomicBoolean running = new AtomicBoolean();
        volatile long holdUntil = System.nanoTime(); // a nanoTime, compared by difference: passed from the start

        /** Whether a JVM is being started or about to be: a refiller runs and does not hold back. */
        boolean starting() {
            return running.get() && holdUntil - System.nanoTime() <= 0;
        }
    }

    private final Map<Shape, ConcurrentLinkedDeque<ProcessChild>> idle = new ConcurrentHashMap<>();
    private final Map<Shape, Refill> refills = new ConcurrentHashMap<>();
    private final Function<Shape, ProcessChild> starter;

    /** {@code starter} starts one pooled JVM of a shape (and registers it as running), or throws. */
    WarmPool(Function<Shape, ProcessChild> starter) {
        this.starter = starter;
    }

    /** The size a request asks for; 0 when it does not opt in. */
    static int size(Map<String, String> options) {
        String v = options.get(OPTION);
        if (v == null) return 0;
        try {
            int n = Integer.parseInt(v.trim());
            if (n >= 0 && n <= MAX_SIZE) return n;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new tractor.spawn.spi.SpawnException("process backend: option " + OPTION + " must be an integer in [0, " + MAX_SIZE + "], got \"" + v + "\"");
    }

    private ConcurrentLinkedDeque<ProcessChild> queue(Shape shape) {
        return idle.computeIfAbsent(shape, s -> new ConcurrentLinkedDeque<>());
    }

    private Refill refillOf(Shape shape) {
        return refills.computeIfAbsent(shape, s -> new Refill());
    }

    /**
     * An idle pooled JVM of {@code shape} handed {@code startLine} under {@code actorName}, or empty when
     * none is idle (or every idle one turned out dead). Refills to {@code size} either way: after a hit no
     * JVM is started before {@link #REFILL_DELAY}; a miss lifts that hold.
     */
    Optional<ProcessChild> take(Shape shape, int size, String actorName, byte[] startLine) {
        Refill r = refillOf(shape);
        for (ProcessChild c; (c = next(shape, r)) != null; ) {
            if (!c.isAlive()) continue;
            try {
                c.claim(actorName, startLine);
                r.holdUntil = System.nanoTime() + REFILL_DELAY.toNanos();
                refill(shape, size);
                return Optional.of(c);
            } catch (IOException e) {
                c.hardStop(); // its stdin is broken: it is on its way out
            }
        }
        synchronized (this) {
            r.holdUntil = System.nanoTime();
            notifyAll();
        }
        refill(shape, size);
        return Optional.empty();
    }

    /**
     * The next idle JVM of {@code shape}; when there is none but the refill is starting one, waits for it
     * (at most {@link #START_WAIT}): it was started before this request, so it is never later than a cold
     * start. Null when none is idle and none is being started (a refill holding back after a hit starts
     * none: this request then starts cold).
     */
    private ProcessChild next(Shape shape, Refill r) {
        long end = System.nanoTime() + START_WAIT.toNanos();
        ConcurrentLinkedDeque<ProcessChild> q = queue(shape);
        synchronized (this) {
            for (long left; q.isEmpty() && r.starting() && (left = end - System.nanoTime()) > 0; ) {
                try {
                    wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        return q.pollFirst();
    }

    /**
     * Starts pooled JVMs until {@code shape} has {@code size} idle ones, each once its hold
     * ({@link #REFILL_DELAY} after a hit) is over; one refiller per shape at a time.
     */
    void refill(Shape shape, int size) {
        Refill r = refillOf(shape);
        if (!r.running.compareAndSet(false, true)) return;
        Thread.ofVirtual().name("tractor-spawn pool refill").start(() -> {
            ConcurrentLinkedDeque<ProcessChild> q = queue(shape);
            boolean full = false;
            try {
                q.removeIf(c -> !c.isAlive());
                while (q.size() < size && awaitHold(r)) startOne(shape, q);
                full = q.size() >= size;
            } catch (tractor.sc.ClosedResourceException e) {
                // the backend closed meanwhile: no refill
            } catch (RuntimeException e) {
                System.err.println("tractor: cannot refill the warm pool: " + e.getMessage());
            } finally {
                r.running.set(false);
                synchronized (this) {
                    notifyAll();
                }
            }
            if (full && q.size() < size) refill(shape, size); // a take came after the last check, while this one was ending
        });
    }

    /** Waits until {@code r}'s hold is over (a miss ends it early); false when interrupted. */
    private synchronized boolean awaitHold(Refill r) {
        for (long left; (left = r.holdUntil - System.nanoTime()) > 0; ) {
            try {
                wait(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                return false;
            }
        }
        return true;
    }

    private void startOne(Shape shape, ConcurrentLinkedDeque<ProcessChild> q) {
        q.addLast(starter.apply(shape));
        synchronized (this) {
            notifyAll();
        }
    }

    /** The pids of the idle pooled JVMs, over every shape. */
    List<Long> idlePids() {
        return idle.values().stream().flatMap(q -> q.stream().filter(ProcessChild::isAlive))
                .map(c -> c.pid().orElseThrow()).toList();
    }

    /** Waits at most {@code bound} until at least {@code n} pooled JVMs are idle; true when they are. */
    synchronized boolean awaitIdle(int n, java.time.Duration bound) throws InterruptedException {
        long end = System.nanoTime() + bound.toNanos();
        for (long left; idleCount() < n; ) {
            if ((left = end - System.nanoTime()) <= 0) return false;
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }

    /** How many pooled JVMs are idle, over every shape. */
    int idleCount() {
        return idle.values().stream().mapToInt(q -> (int) q.stream().filter(ProcessChild::isAlive).count()).sum();
    }

    @Override
    public String toString() {
        return "WarmPool[" + idle.size() + " shapes, " + idleCount() + " idle]";
    }
}
