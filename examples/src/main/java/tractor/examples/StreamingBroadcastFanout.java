package tractor.examples;

import static tractor.examples.ExampleRoot.root;

import java.util.ArrayList;
import java.util.List;
import tractor.ActorOptions;
import tractor.Context;
import tractor.MsgStream;
import tractor.Portal;
import tractor.Tractor;
import tractor.sc.Nursery;

/**
 * Fanning out ONE inter-actor stream to N local tasks with {@link MsgStream#subscribe()} (the seeds'
 * {@code examples/streaming_broadcast_fanout.py}): each subscriber gets its own copy of every value of
 * the single IPC stream. The child waits for a {@code go} so that every subscriber is attached before
 * the first tick; when the child's stream closes each subscriber's loop ends cleanly. {@code go} is
 * sent through a subscription: its {@code send} is proxied to the underlying stream.
 */
public final class StreamingBroadcastFanout {
    private StreamingBroadcastFanout() {}

    /** Sends {@code count} ticks once the parent says go. */
    public static void tickStream(Context ctx, int count) {
        ctx.started(count);
        try (MsgStream stream = ctx.openStream()) {
            // wait for the go-signal: every parent-side subscriber is attached before any tick is sent
            Object go = stream.receive();
            if (!"go".equals(go)) throw new AssertionError("expected go, got " + go);
            for (int i = 0; i < count; i++) stream.send(i);
            // leaving the block gracefully closes our side: every parent-side subscriber sees the end
        }
    }

    /** Consumes a private broadcast copy of the IPC stream. */
    static void consume(String name, MsgStream stream, tractor.sc.TaskStatus<MsgStream> status) {
        try (MsgStream bcaster = stream.subscribe()) {
            status.started(bcaster);
            List<Object> ticks = new ArrayList<>();
            for (Object tick : bcaster) {
                System.out.println(name + ": rx " + tick);
                ticks.add(tick);
            }
            // EVERY subscriber gets its own full copy
            System.out.println(name + ": stream ended, got " + ticks);
        }
    }

    public static void main(String[] args) throws Exception {
        Tractor.openNursery(root(), an -> {
            Portal portal = an.startActor("ticker", ActorOptions.of().enable(StreamingBroadcastFanout.class));
            try (Context ctx = portal.openContext(StreamingBroadcastFanout::tickStream, 5);
                 MsgStream stream = ctx.openStream()) {
                Object first = ctx.first();
                if (!Long.valueOf(5).equals(first)) throw new AssertionError("first = " + first);
                System.out.println("first: " + first);
                Nursery.run(tn -> {
                    // start() returns once each consumer is subscribed, before the ticks flow
                    MsgStream last = null;
                    for (int i = 0; i < 3; i++) {
                        String name = "sub_" + i;
                        last = tn.start(name, status -> consume(name, stream, status));
                    }
                    last.send("go"); // proxied upstream
                });
                ctx.waitForResult();
            }
            portal.cancelActor();
        });
    }
}
