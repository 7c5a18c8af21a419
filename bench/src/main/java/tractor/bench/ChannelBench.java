package tractor.bench;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;
import tractor.sc.MemoryChannel;
import tractor.sc.Nursery;
import tractor.sc.ReceiveChannel;
import tractor.sc.Sc;
import tractor.sc.SendChannel;

/**
 * Values handed from a producer task (a virtual thread) to the benchmark thread: a memory channel of
 * capacity 0 against a {@link SynchronousQueue}, capacity 64 against an {@link ArrayBlockingQueue} of
 * 64. Scores are per value; each invocation moves {@value #N} values and includes starting the
 * producer (a nursery task, or a plain virtual thread).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ChannelBench {
    static final int N = 1000;
    private static final Integer END = -1;

    @Benchmark
    @OperationsPerInvocation(N)
    public void channel0(Blackhole bh) throws Exception {
        channel(0, bh);
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public void channel64(Blackhole bh) throws Exception {
        channel(64, bh);
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public void synchronousQueue(Blackhole bh) throws Exception {
        queue(new SynchronousQueue<>(), bh);
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public void arrayBlockingQueue64(Blackhole bh) throws Exception {
        queue(new ArrayBlockingQueue<>(64), bh);
    }

    private static void channel(int capacity, Blackhole bh) throws Exception {
        MemoryChannel<Integer> ch = Sc.openMemoryChannel(capacity);
        Nursery.run(n -> {
            SendChannel<Integer> tx = ch.sender();
            n.startSoon(() -> {
                try (tx) {
                    for (int i = 0; i < N; i++) tx.send(i);
                }
            });
            try (ReceiveChannel<Integer> rx = ch.receiver()) {
                for (Integer v : rx) bh.consume(v);
            }
        });
    }

    private static void queue(BlockingQueue<Integer> q, Blackhole bh) throws Exception {
        Thread producer = Thread.ofVirtual().start(() -> {
            try {
                for (int i = 0; i < N; i++) q.put(i);
                q.put(END);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        for (Integer v = q.take(); !v.equals(END); v = q.take()) bh.consume(v);
        producer.join();
    }
}
