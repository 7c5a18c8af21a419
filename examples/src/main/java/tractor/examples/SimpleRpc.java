package tractor.examples;

import static tractor.examples.ExampleRoot.root;

import tractor.ActorOptions;
import tractor.Context;
import tractor.MsgStream;
import tractor.Portal;
import tractor.Tractor;

/**
 * SC compatible bi-directional streaming (the seeds' README {@code simple_rpc}): a small ping-pong
 * 2-way streaming server. The child signals it is up with {@code ctx.started(data + 1)}, like
 * {@code TaskStatus.started()}, then answers every {@code ping} with a {@code pong}; the parent sends 10
 * pings, closes its side of the stream (the child's loop ends) and gets the child's count as the
 * context's result.
 */
public final class SimpleRpc {
    private SimpleRpc() {}

    /** Python's {@code @tractor.context async def simple_rpc(ctx, data)}. */
    public static int simpleRpc(Context ctx, int data) {
        // signal to the parent that we're up, much like TaskStatus.started()
        ctx.started(data + 1);

        int count = 0;
        try (MsgStream stream = ctx.openStream()) {
            for (Object msg : stream) {
                if (!"ping".equals(msg)) throw new AssertionError("expected ping, got " + msg);
                stream.send("pong");
                count++;
            }
        }
        if (count != 10) throw new AssertionError("count = " + count);
        return count;
    }

    public static void main(String[] args) throws Exception {
        Tractor.openNursery(root(), n -> {
            Portal portal = n.startActor("rpc_server", ActorOptions.of().enable(SimpleRpc.class));

            try (Context ctx = portal.openContext(SimpleRpc::simpleRpc, 10)) {
                Object sent = ctx.first();
                if (!Long.valueOf(11).equals(sent)) throw new AssertionError("sent = " + sent);
                System.out.println("started: " + sent);

                try (MsgStream stream = ctx.openStream()) {
                    int count = 0;
                    stream.send("ping");
                    for (Object msg : stream) {
                        if (!"pong".equals(msg)) throw new AssertionError("expected pong, got " + msg);
                        System.out.println("pong " + (count + 1));
                        stream.send("ping");
                        count++;
                        if (count >= 9) break;
                    }
                    // the 10th pong is still in flight: leaving the block closes our side, the child's loop ends
                }
                System.out.println("rpc_server answered " + ctx.waitForResult() + " pings");
            }

            // explicitly tear down the daemon actor
            portal.cancelActor();
        });
    }
}
