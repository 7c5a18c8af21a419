package tractor.examples;

import static tractor.examples.ExampleRoot.root;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import tractor.ActorOptions;
import tractor.Context;
import tractor.MsgStream;
import tractor.Portal;
import tractor.Tractor;
import tractor.sc.EndOfChannelException;
import tractor.sc.interop.ForeignEnd;
import tractor.sc.interop.Interop;

/**
 * tractor's {@code infected_asyncio_echo_server.py}: a child actor links a foreign asynchronous echo
 * server (callbacks on a {@code CompletableFuture} chain, running on an executor of its own, standing
 * for asyncio) to a context, and the root streams values through both: root → context task → foreign
 * task → back. Sending {@code "stop"} ends the foreign loop; the context task then sees the end of
 * the linked channel. {@code main("raise")} fails in the root at the 50th value: exactly that error
 * leaves the tree, after every actor and the foreign executor are gone.
 */
public final class InfectedAsyncioEchoServer {
    private InfectedAsyncioEchoServer() {}

    /** The end-of-echo marker (tractor sends {@code None}; Java channels carry no null). */
    public static final String STOP = "stop";

    /** The foreign side: echoes each value back until {@link #STOP}; completes with how many it echoed. */
    static CompletableFuture<Integer> aioEchoServer(ForeignEnd<Object, Object> chan, Executor loop) {
        chan.started("start");
        CompletableFuture<Integer> done = new CompletableFuture<>();
        echoNext(chan, loop, 0, done);
        return done;
    }

    private static void echoNext(ForeignEnd<Object, Object> chan, Executor loop, int echoed, CompletableFuture<Integer> done) {
        chan.receive().whenCompleteAsync((msg, err) -> {
            if (err != null) {
                done.completeExceptionally(err);
                return;
            }
            chan.send(msg); // echo the msg back
            if (STOP.equals(msg)) {
                System.out.println("breaking aio echo loop");
                System.out.println("exiting asyncio task");
                done.complete(echoed);
                return;
            }
            echoNext(chan, loop, echoed + 1, done);
        }, loop);
    }

    /** The context endpoint of the child: relays the parent's stream through the foreign echo server. */
    public static int trioToAioEchoServer(Context ctx) throws Exception {
        int[] echoed = new int[1];
        try (ExecutorService loop = Executors.newSingleThreadExecutor()) { // the foreign side's "event loop"
            Interop.<Object, Object, Integer>openChannelFrom(chan -> aioEchoServer(chan, loop), (first, chan) -> {
                if (!"start".equals(first)) throw new IllegalStateException("first value " + first);
                ctx.started(first);
                try (MsgStream stream = ctx.openStream()) {
                    for (Object msg : stream) {
                        chan.send(msg);
                        Object out = chan.receive();
                        stream.send(out);
                        if (STOP.equals(out)) {
                            try {
                                chan.receive();
                                throw new IllegalStateException("aio channel never stopped?");
                            } catch (EndOfChannelException expected) {
                                break;
                            }
                        }
                    }
                }
                echoed[0] = chan.result();
            });
        }
        return echoed[0];
    }

    public static void main(String[] args) throws Exception {
        boolean raise = args.length > 0 && args[0].equals("raise");
        Tractor.openNursery(root(), an -> {
            Portal p = an.startActor("aio_server", ActorOptions.of().enable(InfectedAsyncioEchoServer.class));
            try (Context ctx = p.openContext(InfectedAsyncioEchoServer::trioToAioEchoServer)) {
                System.out.println("first: " + ctx.first());
                try (MsgStream stream = ctx.openStream()) {
                    for (long i = 0; i < 100; i++) {
                        stream.send(i);
                        Object out = stream.receive();
                        if (!Long.valueOf(i).equals(out)) throw new IllegalStateException("sent " + i + ", got back " + out);
                        if (raise && i == 50) throw new IllegalStateException("root raised at " + i);
                    }
                    stream.send(STOP);
                    System.out.println("last echo: " + stream.receive());
                }
                System.out.println("aio_server echoed " + ctx.waitForResult() + " values");
            }
            p.cancelActor();
        });
    }
}
