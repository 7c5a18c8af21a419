package tractor.examples;

import static tractor.examples.ExampleRoot.root;

import java.util.ArrayList;
import java.util.List;
import tractor.ActorOptions;
import tractor.Emitter;
import tractor.MsgStream;
import tractor.Portal;
import tractor.Tractor;
import tractor.sc.Nursery;
import tractor.sc.Sc;

/**
 * Two streams, one portal (the seeds' {@code examples/multiple_streams_one_portal.py}): every
 * {@code openStreamFrom} starts its own remote task, even through the same portal, so two local tasks
 * stream the same producer concurrently, both dialogs multiplexed over the one channel. Each value
 * arrives in both streams: added by whichever task sees it first, removed by the other, so the shared
 * list ends up empty.
 */
public final class MultipleStreamsOnePortal {
    private MultipleStreamsOnePortal() {}

    public static void streamData(Emitter out, int seed) {
        System.out.println("Starting stream task");
        for (int i = 0; i < seed; i++) {
            out.emit(i);
            Sc.checkpoint(); // trigger scheduler
        }
    }

    static void streamFromPortal(Portal p, List<Object> consumed) {
        try (MsgStream stream = p.openStreamFrom(MultipleStreamsOnePortal::streamData, 10)) {
            for (Object item : stream) {
                synchronized (consumed) { // two threads here, not trio's single one
                    if (consumed.contains(item)) consumed.remove(item);
                    else consumed.add(item);
                }
            }
        }
    }

    public static void main(String[] args) throws Exception {
        Tractor.openNursery(root(), an -> {
            Portal p = an.startActor("stream_boi", ActorOptions.of().enable(MultipleStreamsOnePortal.class));

            List<Object> consumed = new ArrayList<>();
            Nursery.run(n -> {
                for (int i = 0; i < 2; i++) n.startSoon("consumer-" + i, () -> streamFromPortal(p, consumed));
            });

            // both streaming consumer tasks have completed: nothing is left in the list
            if (!consumed.isEmpty()) throw new AssertionError("left over: " + consumed);
            System.out.println("both streams consumed, left over: " + consumed);

            an.cancel();
        });
    }
}
