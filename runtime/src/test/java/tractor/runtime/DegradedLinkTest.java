package tractor.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import tractor.ActorOptions;
import tractor.Context;
import tractor.Endpoint;
import tractor.MsgStream;
import tractor.Tractor;
import tractor.runtime.it.Echoes;
import tractor.testkit.Bounded;

/**
 * Fault B.21 of {@code faults.md}: a slow or lossy link between two actors raises no false peer loss,
 * and a stream over it finishes in order. The kernel here has no {@code netem}, so the link is the
 * userspace {@link FaultProxy}: the root connects to its child through the proxy (a second channel
 * beside the spawn channel) and runs an echo dialog of {@value #ITEMS} msgs over it.
 */
class DegradedLinkTest {
    static final int ITEMS = 300;
    static final int BATCH = 20;

    /** B.21 (a): every chunk delayed 200 ms, both directions, order kept. */
    @Test
    @Bounded(seconds = 15)
    void b21a_delayOf200msRaisesNoPeerLost() throws Exception {
        FaultProxy.Fault f = FaultProxy.Fault.delay(200);
        echoThrough(f, (proxy, took) -> {
            assertEquals(proxy.chunks(), proxy.held(), proxy.toString());
            Duration lostAfter = ChannelOptions.DEFAULTS.peerLostAfter();
            assertTrue(took.compareTo(lostAfter) > 0, "the dialog (" + took + ") outlasts the peer-lost bound " + lostAfter);
        });
    }

    /** B.21 (b): 20 % of chunks "lost" and retransmitted 300–1000 ms later (TCP's view of loss), order kept. */
    @Test
    @Bounded(seconds = 15)
    void b21b_lossOf20PercentRaisesNoPeerLost() throws Exception {
        FaultProxy.Fault f = FaultProxy.Fault.loss(20, 300, 1000, 21);
        echoThrough(f, (proxy, took) -> assertTrue(proxy.held() > 0 && proxy.held() < proxy.chunks(), proxy.toString()));
    }

    interface Check {
        void on(FaultProxy proxy, Duration took);
    }

    private static void echoThrough(FaultProxy.Fault fault, Check check) throws Exception {
        Tractor.openNursery(Matrix.root("thread", "tcp"), an -> {
            an.startActor("far", ActorOptions.of().enable(Echoes.class));
            Tractor.waitForActor("far");
            String addr = Tractor.queryActor("far").orElseThrow();
            try (FaultProxy proxy = new FaultProxy(tcp(addr), fault)) {
                ActorRuntime rt = (ActorRuntime) Tractor.currentActor();
                Channel ch = Connect.open(rt.config(), rt.config().transport().parseAddress(proxy.address()), rt.aid(false));
                rt.attach(ch);
                PortalImpl p = new PortalImpl(rt, ch, false);
                long t0 = System.nanoTime();
                assertEquals(IntStream.range(0, ITEMS).boxed().toList(), echo(p));
                Duration took = Duration.ofNanos(System.nanoTime() - t0);
                assertTrue(ch.isOpen(), "the delayed channel is still open: " + ch);
                check.on(proxy, took);
                ch.close();
            }
            an.cancel();
        });
    }

    /**
     * Sends the items in batches of {@value #BATCH} and receives each batch's echo before the next, so
     * the dialog spans many round trips over the faulty link, longer than the channel's peer-lost bound.
     * A held chunk releases a burst of msgs at once, so the context queues overruns: flow control is not
     * under test here, the link is.
     */
    private static List<Object> echo(PortalImpl p) {
        List<Object> got = new ArrayList<>();
        try (Context ctx = p.openContext(Endpoint.parse(Echoes.class.getName() + "#echoSequences"), true)) {
            try (MsgStream s = ctx.openStream()) {
                for (int i = 0; i < ITEMS; i += BATCH) {
                    s.send(IntStream.range(i, i + BATCH).boxed().toList());
                    while (got.size() < i + BATCH) got.add(((Number) s.receive()).intValue());
                }
            }
            assertEquals(null, ctx.waitForResult(), "the echo endpoint returned after the stream closed");
        }
        return got;
    }

    private static InetSocketAddress tcp(String addr) {
        int colon = addr.lastIndexOf(':');
        return new InetSocketAddress(addr.substring("tcp://".length(), colon), Integer.parseInt(addr.substring(colon + 1)));
    }
}
