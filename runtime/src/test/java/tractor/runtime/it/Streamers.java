package tractor.runtime.it;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import tractor.ActorOptions;
import tractor.Context;
import tractor.Emitter;
import tractor.MsgStream;
import tractor.Portal;
import tractor.RootOptions;
import tractor.Tractor;
import tractor.sc.MemoryChannel;
import tractor.sc.Nursery;
import tractor.sc.Sc;

/** Producers of tractor's test_legacy_one_way_streaming: a streamer daemon and the fan-in "aggregator". */
public final class Streamers {
    private Streamers() {}

    /** tractor's {@code stream_seq}: yields 0..9, then blocks until cancelled, recording the cancellation. */
    public static void seqThenBlock(Emitter out, String markerFile) throws Exception {
        try {
            for (int i = 0; i < 10; i++) {
                out.emit(i);
                Sc.sleep(Duration.ofMillis(1));
            }
            Sc.sleepForever();
        } finally {
            Files.writeString(Path.of(markerFile), "cancelled");
        }
    }

    /** The context flavour of the same producer: started, then 0..9 over the stream, then blocks. */
    public static void ctxSeqThenBlock(Context ctx, String markerFile) throws Exception {
        try {
            ctx.started();
            try (MsgStream s = ctx.openStream()) {
                for (int i = 0; i < 10; i++) {
                    s.send(i);
                    Sc.sleep(Duration.ofMillis(1));
                }
                Sc.sleepForever();
            }
        } finally {
            Files.writeString(Path.of(markerFile), "cancelled");
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
        Tractor.openNursery(RootOptions.of(), an -> {
            Portal[] portals = new Portal[2];
            for (int i = 0; i < 2; i++) portals[i] = an.startActor("streamer_" + (i + 1), ActorOptions.of().enable(Streamers.class));
            MemoryChannel<Object> ch = Sc.openMemoryChannel(500);
            Nursery.run(n -> {
                for (Portal p : portals) {
                    var send = ch.sender().clone();
                    n.startSoon(() -> {
                        try (send; MsgStream s = p.openStreamFrom(Streamers::streamData, seed, 100L)) {
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
