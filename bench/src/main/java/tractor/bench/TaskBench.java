package tractor.bench;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;
import tractor.sc.Nursery;

/**
 * One task started and joined: in a fresh {@link Nursery} (scope open, start, join, close) against
 * the JDK's virtual-thread executor, both as a fresh scope per task (the closest equivalent) and as
 * one shared executor with {@code submit().get()}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class TaskBench {
    private ExecutorService shared;

    @Setup(Level.Trial)
    public void setUp() {
        shared = Executors.newVirtualThreadPerTaskExecutor();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        shared.close();
    }

    @Benchmark
    public void nursery(Blackhole bh) throws Exception {
        Nursery.run(n -> n.startSoon(() -> bh.consume(42)));
    }

    @Benchmark
    public void executorScope(Blackhole bh) {
        try (ExecutorService ex = Executors.newVirtualThreadPerTaskExecutor()) {
            ex.submit(() -> bh.consume(42));
        }
    }

    @Benchmark
    public Object executorShared(Blackhole bh) throws Exception {
        return shared.submit(() -> {
            bh.consume(42);
            return 42;
        }).get();
    }
}
