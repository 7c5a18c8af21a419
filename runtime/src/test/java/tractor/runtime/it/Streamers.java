package tractor.runtime.it;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import tractor.ActorOptions;
import tractor.Emitter;
import tractor.MsgStream;
import tractor.Portal;
import tractor.RootOptions;
import tractor.Tractor;
import tractor.sc.Cancelled;
import tractor.sc.MemoryChannel;
import tractor.sc.Nursery;
import tractor.sc.Sc;

/** Producers of tractor's test_legacy_one_way_streaming: a streamer daemon and the fan-in "aggregator". */
public final class Streamers {
    private Streamers() {}

    /**
     * tractor's {@code async_gen_stream}: yields each value of {@code seq} (sleeping 0.1 s after each), then
     * blocks until cancelled, recording the cancellation in {@code markerFile}.
     */
    public static Iterator<Integer> seqThenBlock(List<Integer> seq, String markerFile) {
        return new Iterator<>() {
            int i;

            @Override
            public boolean hasNext() {
                try {
                    if (i > 0) Sc.sleep(Duration.ofMillis(100));
                    if (i < seq.size()) return true;
                    Sc.sleepForever();
                    return false;
                } catch (Cancelled c) {
                    mark(markerFile);
                    throw c;
                }
            }

            @Override
            public Integer next() {
                return seq.get(i++);
            }
        };
    }

    /** tractor's legacy {@code context_stream} ({@code ctx.send_yield}): the emitting flavour of the same producer. */
    public static void emitSeqThenBlock(Emitter out, List<Integer> seq, String markerFile) {
        try {
            for (int v : seq) {
                out.emit(v);
                Sc.sleep(Duration.ofMillis(100));
            }
            Sc.sleepForever();
        } finally {
            mark(markerFile);
        }
    }

    static void mark(String markerFile) {
        try {
            Files.writeString(Path.of(markerFile), "cancelled");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** tractor's {@code stream_data}: yields 0..seed-1 with a tiny sleep after each value. */
    public static void streamData(Emitter out, int seed, long pauseMicros) {
        for (int i = 0; i < seed; i++) {
            out.emit(i);
            Sc.sleep(Duration.ofNanos(pauseMicros * 1000));
        }
    }

    /**
     * tractor's {@code aggregate}: spawns two streamers, fans their one-way streams into one memory channel,
     * and re-emits every value once (the first copy), then cancels its own nursery.
     */
    public static void aggregate(Emitter out, int seed) throws Exception {
        aggregatePaced(out, seed, 100L);
    }

    /** {@link #aggregate} with the streamers pausing {@code pauseMicros} after each value. */
    public static void aggregatePaced(Emitter out, int seed, long pauseMicros) throws Exception {
        Tractor.openNursery(RootOptions.of(), an -> {
            Portal[] portals = new Portal[2];
            for (int i = 0; i < 2; i++) portals[i] = an.startActor("streamer_" + (i + 1), ActorOptions.of().enable(Streamers.class));
            MemoryChannel<Object> ch = Sc.openMemoryChannel(500);
            Nursery.run(n -> {
                for (Portal p : portals) {
                    var send = ch.sender().clone();
                    n.startSoon(() -> {
                        try (send; MsgStream s = p.openStreamFrom(Streamers::streamData, seed, pauseMicros)) {
                            for (Object v : s) send.send(v);
                        }
                    });
                }
                ch.sender().close();
                Set<Object> unique = new HashSet<>();
                try (var recv = ch.receiver()) {
                    for (Object v : recv) {
                        if (unique.add(v)) out.emit(v);
                    }
                }
                if (unique.size() != seed) throw new IllegalStateException("aggregated " + unique.size() + " of " + seed);
            });
            an.cancel();
        });
    }
}
