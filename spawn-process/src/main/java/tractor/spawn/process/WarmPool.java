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
 * shape. Pooled JVMs are ordinary children of the backend: {@code close()} kills them, and they end by
 * themselves when this JVM dies (end of their standard input).
 */
final class WarmPool {
    /** The request option that sizes the pool (an integer; 0 or absent: no pool). */
    static final String OPTION = "warmPool";
    /** The largest pool size accepted. */
    static final int MAX_SIZE = 64;
    /** How long a spawn waits for a pooled JVM a refill is starting, before it starts one cold. */
    static final java.time.Duration START_WAIT = java.time.Duration.ofSeconds(2);

    /** A pool's key: what a pooled JVM was started with. */
    record Shape(List<String> command, Map<String, String> environment) {}

    private final Map<Shape, ConcurrentLinkedDeque<ProcessChild>> idle = new ConcurrentHashMap<>();
    private final Map<Shape, AtomicBoolean> filling = new ConcurrentHashMap<>();
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

    /**
     * An idle pooled JVM of {@code shape} handed {@code startLine} under {@code actorName}, or empty when
     * none is idle (or every idle one turned out dead). Starts a refill to {@code size} either way.
     */
    Optional<ProcessChild> take(Shape shape, int size, String actorName, byte[] startLine) {
        try {
            for (ProcessChild c; (c = next(shape)) != null; ) {
                if (!c.isAlive()) continue;
                try {
                    c.claim(actorName, startLine);
                    return Optional.of(c);
                } catch (IOException e) {
                    c.hardStop(); // its stdin is broken: it is on its way out
                }
            }
            return Optional.empty();
        } finally {
            refill(shape, size);
        }
    }

    /**
     * The next idle JVM of {@code shape}; when there is none but a refill is starting one, waits for it
     * (at most {@link #START_WAIT}): it was started before this request, so it is never later than a cold
     * start. Null when none is idle and none is coming.
     */
    private ProcessChild next(Shape shape) {
        long end = System.nanoTime() + START_WAIT.toNanos();
        ConcurrentLinkedDeque<ProcessChild> q = idle.computeIfAbsent(shape, s -> new ConcurrentLinkedDeque<>());
        AtomicBoolean busy = filling.computeIfAbsent(shape, s -> new AtomicBoolean());
        synchronized (this) {
            for (long left; q.isEmpty() && busy.get() && (left = end - System.nanoTime()) > 0; ) {
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

    /** Starts pooled JVMs until {@code shape} has {@code size} idle ones; one refiller per shape at a time. */
    void refill(Shape shape, int size) {
        AtomicBoolean busy = filling.computeIfAbsent(shape, s -> new AtomicBoolean());
        if (!busy.compareAndSet(false, true)) return;
        Thread.ofVirtual().name("tractor-spawn pool refill").start(() -> {
            try {
                ConcurrentLinkedDeque<ProcessChild> q = idle.computeIfAbsent(shape, s -> new ConcurrentLinkedDeque<>());
                q.removeIf(c -> !c.isAlive());
                while (q.size() < size) {
                    q.addLast(starter.apply(shape));
                    synchronized (this) {
                        notifyAll();
                    }
                }
            } catch (tractor.sc.ClosedResourceException e) {
                // the backend closed meanwhile: no refill
            } catch (RuntimeException e) {
                System.err.println("tractor: cannot refill the warm pool: " + e.getMessage());
            } finally {
                busy.set(false);
                synchronized (this) {
                    notifyAll();
                }
            }
        });
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
