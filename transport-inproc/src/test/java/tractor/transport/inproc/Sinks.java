package tractor.transport.inproc;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import tractor.TransportClosed;
import tractor.transport.spi.FrameSink;

/** Test sinks: real implementations that record what the channel hands them. */
final class Sinks {
    private Sinks() {}

    /** Records frames, the delivering threads, overlapping calls and the end (which must come once). */
    static class Recording implements FrameSink {
        final List<byte[]> frames = new CopyOnWriteArrayList<>();
        final List<Thread> threads = new CopyOnWriteArrayList<>();
        final CompletableFuture<TransportClosed> end = new CompletableFuture<>();
        final AtomicInteger inside = new AtomicInteger();
        final AtomicInteger overlaps = new AtomicInteger();
        final AtomicInteger ends = new AtomicInteger();
        final AtomicInteger afterEnd = new AtomicInteger();

        @Override
        public void frame(byte[] body) {
            if (inside.getAndIncrement() != 0) overlaps.incrementAndGet();
            try {
                if (end.isDone()) afterEnd.incrementAndGet();
                threads.add(Thread.currentThread());
                frames.add(body);
                onFrame(body);
            } finally {
                inside.decrementAndGet();
            }
        }

        /** Hook for subclasses; runs inside the delivery. */
        void onFrame(byte[] body) {}

        @Override
        public void end(TransportClosed failure) {
            ends.incrementAndGet();
            end.complete(failure);
        }

        @Override
        public String toString() {
            return "Recording[" + frames.size() + " frames]";
        }
    }
}
