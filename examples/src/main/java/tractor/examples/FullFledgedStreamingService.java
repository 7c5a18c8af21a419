package tractor.examples;

import static tractor.examples.ExampleRoot.root;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.LongStream;
import tractor.ActorOptions;
import tractor.Emitter;
import tractor.MsgStream;
import tractor.Portal;
import tractor.Tractor;
import tractor.sc.MemoryChannel;
import tractor.sc.Nursery;
import tractor.sc.Sc;
import tractor.sc.SendChannel;

/**
 * A full-fledged streaming service (the seeds' {@code examples/full_fledged_streaming_service.py}):
 * four actors, three streams, one deduped feed. The root spawns {@code aggregator}, which spawns
 * {@code streamer_1} and {@code streamer_2}, opens a one-way stream from each and fans both into one
 * local memory channel (one task per portal, riding the channel's backpressure), drops the duplicates
 * and re-emits the deduped sequence upward: {@link #aggregate} is itself a producer consumed over IPC by
 * the root, which receives exactly 0..seed-1 in order.
 */
public final class FullFledgedStreamingService {
    private FullFledgedStreamingService() {}

    /** The first 2 actors, {@code streamer_1} and {@code streamer_2}. */
    public static void streamData(Emitter out, int seed) {
        for (int i = 0; i < seed; i++) {
            out.emit(i);
            Sc.sleep(Duration.ofNanos(100_000)); // trigger scheduler
        }
    }

    /** The third actor, the aggregator: ensures the two streams it receives match, streams one set upward. */
    public static void aggregate(Emitter out, int seed) throws Exception {
        Tractor.openNursery(an -> {
            List<Portal> portals = new ArrayList<>();
            for (int i = 1; i < 3; i++) {
                portals.add(an.startActor("streamer_" + i, ActorOptions.of().enable(FullFledgedStreamingService.class)));
            }

            MemoryChannel<Object> chan = Sc.openMemoryChannel(500);

            // 2 tasks collect the streams and push them to a local queue
            Nursery.run(n -> {
                for (Portal portal : portals) {
                    SendChannel<Object> sendChan = chan.sender().clone();
                    n.startSoon("push-" + portal.peer().name(), () -> {
                        try (sendChan; MsgStream stream = portal.openStreamFrom(FullFledgedStreamingService::streamData, seed)) {
                            for (Object value : stream) sendChan.send(value); // the channel's backpressure
                        }
                        System.out.println("FINISHED ITERATING " + portal.peer().name());
                    });
                }
                // close this task's reference to the send side
                chan.sender().close();

                Set<Object> uniqueVals = new HashSet<>();
                try (var recvChan = chan.receiver()) {
                    for (Object value : recvChan) {
                        if (uniqueVals.add(value)) {
                            out.emit(value); // yield upwards to the spawning parent actor
                        }
                    }
                }
                System.out.println("FINISHED ITERATING in aggregator");
            });

            an.cancel();
            System.out.println("WAITING on `ActorNursery` to finish");
        });
        System.out.println("AGGREGATOR COMPLETE!");
    }

    /** The root actor's main task: returns what it received from the aggregator. */
    public static List<Object> run() throws Exception {
        int seed = 1000;
        List<Object> resultStream = new ArrayList<>();
        Tractor.openNursery(root(), an -> {
            long preStart = System.nanoTime();
            Portal portal = an.startActor("aggregator", ActorOptions.of().enable(FullFledgedStreamingService.class));

            long start;
            try (MsgStream stream = portal.openStreamFrom(FullFledgedStreamingService::aggregate, seed)) {
                start = System.nanoTime();
                for (Object value : stream) resultStream.add(value);
            }

            boolean cancelled = portal.cancelActor();
            if (!cancelled) throw new AssertionError("the aggregator was not cancelled");

            System.out.printf("STREAM TIME = %.3f%n", (System.nanoTime() - start) / 1e9);
            System.out.printf("STREAM + SPAWN TIME = %.3f%n", (System.nanoTime() - preStart) / 1e9);
        });
        List<Object> expected = LongStream.range(0, seed).boxed().map(Object.class::cast).toList();
        if (!resultStream.equals(expected)) throw new AssertionError("not 0.." + (seed - 1) + " in order: " + resultStream);
        return resultStream;
    }

    public static void main(String[] args) throws Exception {
        List<Object> finalStream = run();
        System.out.println("received " + finalStream.size() + " values: " + finalStream.getFirst() + ".."
                + finalStream.getLast() + " in order");
    }
}
