package tractor.runtime.it;

import java.time.Duration;
import tractor.ActorOptions;
import tractor.Context;
import tractor.MsgStream;
import tractor.Portal;
import tractor.RootOptions;
import tractor.Tractor;
import tractor.sc.Sc;

/** Context endpoints for {@code ContextCancellationTest}: a stream that never ends, and one relayed from a grandchild. */
public final class CountRelay {
    private CountRelay() {}

    /** Streams 0, 1, 2, … every 5 ms until cancelled. */
    public static void countForever(Context ctx) {
        ctx.started();
        try (MsgStream s = ctx.openStream()) {
            for (long i = 0; ; i++) {
                s.send(i);
                Sc.sleep(Duration.ofMillis(5));
            }
        }
    }

    /**
     * Spawns a grandchild, opens {@link #countForever} in it and relays every value up its own context's
     * stream, until cancelled: the nested contexts close under that cancellation.
     */
    public static void relay(Context up) throws Exception {
        Tractor.openNursery(RootOptions.of(), an -> {
            Portal g = an.startActor("grandchild", ActorOptions.of().enable(CountRelay.class));
            try (Context down = g.openContext(CountRelay::countForever)) {
                down.first();
                up.started();
                try (MsgStream in = down.openStream(); MsgStream out = up.openStream()) {
                    for (Object v : in) out.send(v);
                }
            }
        });
    }
}
