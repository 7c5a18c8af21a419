package tractor.runtime.it;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tractor.Context;
import tractor.MsgStream;
import tractor.Portal;
import tractor.Tractor;
import tractor.sc.Cancelled;
import tractor.sc.EndOfChannelException;
import tractor.sc.Sc;

/**
 * Context endpoints of the context/stream semantics, 2-way, IPC-fault and cancel-race scenarios
 * (tractor's test_context_stream_semantics.py, test_2way.py). Each records what it observed in
 * {@link #STATE}, read by the parent through {@link #state} (an RPC on the same portal, so it works on
 * both backends).
 */
public final class Sem {
    private Sem() {}

    static final Map<String, String> STATE = new ConcurrentHashMap<>();

    /** What the child recorded under {@code key}, or "-". */
    public static String state(String key) {
        return STATE.getOrDefault(key, "-");
    }

    public static String resetState() {
        STATE.clear();
        return "ok";
    }

    private static void put(String k, Object v) {
        STATE.put(k, String.valueOf(v));
    }

    /** Scenarios 3–5: {@code started(data + 1)}, then returns "yo" or blocks; the finally is recorded. */
    public static String simple(Context ctx, int data, boolean blockForever) {
        put("ipcCtxSame", Tractor.currentIpcCtx() != null && Tractor.currentIpcCtx().cid().equals(ctx.cid()));
        try {
            put("blocking", blockForever); // before started: the parent asks for it as soon as it has the first value
            ctx.started(data + 1);
            if (blockForever) Sc.sleepForever();
            return "yo";
        } catch (Cancelled c) {
            put("cancelled", true);
            throw c;
        } finally {
            put("finally", true);
        }
    }

    /** Scenarios 6–8: blocks, or returns "yo" at once. */
    public static String maybeReturnEarly(Context ctx, boolean returnEarly) {
        ctx.started();
        if (returnEarly) return "yo";
        Sc.sleepForever();
        return "unreachable";
    }

    /** Scenario 9: opens and closes its stream at once, then returns. */
    public static String closeStreamAndReturn(Context ctx) {
        ctx.started();
        ctx.openStream().close();
        return "done";
    }

    /**
     * Scenarios 10–12: an echo server in a stream, recording whether it saw a cancellation, an error
     * or returned. With {@code blockAfter}, blocks after the parent closed the stream.
     */
    public static String echoRecording(Context ctx, boolean sendFirst, boolean blockAfter) {
        STATE.remove("echo.cancelled");
        STATE.remove("echo.error");
        STATE.remove("echo.returned");
        ctx.started();
        try {
            try (MsgStream s = ctx.openStream()) {
                if (sendFirst) s.send("hi");
                for (Object m : s) s.send(m);
            }
            if (blockAfter) Sc.sleepForever();
            put("echo.returned", true);
            return "yo";
        } catch (Cancelled c) {
            put("echo.cancelled", Sc.currentScope().cancelCalled());
            throw c;
        } catch (RuntimeException e) {
            put("echo.error", e);
            throw e;
        }
    }

    /** Scenario 13: cancels itself before started(), then tries to open a stream. */
    public static void cancelBeforeStarted(Context ctx) {
        STATE.remove("cbs.openStream");
        ctx.cancel();
        try {
            ctx.openStream();
            put("cbs.openStream", "opened");
        } catch (Cancelled c) {
            put("cbs.openStream", "Cancelled");
            throw c;
        } catch (RuntimeException e) {
            put("cbs.openStream", e.getClass().getName());
        }
        long t0 = System.nanoTime();
        try {
            Sc.sleep(Duration.ofSeconds(5));
        } finally {
            put("cbs.cancelledAfterMs", (System.nanoTime() - t0) / 1_000_000);
        }
    }

    /** Scenario 14: started, never opens a stream. */
    public static void neverOpensStream(Context ctx) {
        ctx.started();
        Sc.sleepForever();
    }

    /** Scenario 15: streams forever. */
    public static void streamForever(Context ctx) {
        ctx.started();
        try (MsgStream s = ctx.openStream()) {
            for (long i = 0; ; i++) s.send(i);
        }
    }

    /**
     * Scenarios 16–18: {@code rounds} batches of {@code batch} echoed msgs; the slow side sleeps
     * {@code slowMillis} per msg. slowSide "child": the parent sends a batch, the child reads it slowly
     * and echoes each. slowSide "parent": the parent sends "go", the child sends a batch at once.
     * Ends with the parent's "done" msg; returns "yo" or blocks ({@code blockAfter}).
     */
    public static String batches(Context ctx, String slowSide, int rounds, int batch, long slowMillis, boolean blockAfter) {
        ctx.started();
        try (MsgStream s = ctx.openStream()) {
            for (int r = 0; r < rounds; r++) {
                if (slowSide.equals("child")) {
                    for (int i = 0; i < batch; i++) {
                        Object m = s.receive();
                        Sc.sleep(Duration.ofMillis(slowMillis));
                        s.send(m);
                    }
                } else {
                    s.receive(); // "go"
                    for (int i = 0; i < batch; i++) s.send(r * batch + i);
                }
            }
            s.receive(); // "done"
        }
        if (blockAfter) Sc.sleepForever();
        return "yo";
    }

    /** Scenario 16, the child allowing overruns: reads each batch slowly and echoes it; ends at "done". */
    public static String batchesAllowingOverruns(Context ctx, int rounds, int batch, long slowMillis) {
        ctx.started();
        try (MsgStream s = ctx.openStream(true)) {
            // Java: nothing orders the parent's burst after this side's openStream (trio's scheduling does in
            // tractor), and until then the context's buffer of 64 applies; say when overruns are allowed
            s.send("open");
            for (int r = 0; r < rounds; r++) {
                for (int i = 0; i < batch; i++) {
                    Object m = s.receive();
                    Sc.sleep(Duration.ofMillis(slowMillis));
                    s.send(m);
                }
            }
            s.receive(); // "done"
        }
        return "yo";
    }

    /** test_2way: ping/pong until the parent leaves its stream; returns how many pings it got. */
    public static int pingPong(Context ctx, int data, boolean iterate) {
        ctx.started(data + 1);
        int n = 0;
        try (MsgStream s = ctx.openStream()) {
            if (iterate) {
                for (Object m : s) {
                    if (!"ping".equals(m)) throw new IllegalStateException("got " + m);
                    s.send("pong");
                    n++;
                }
            } else {
                while (true) {
                    Object m;
                    try {
                        m = s.receive();
                    } catch (EndOfChannelException eoc) {
                        break;
                    }
                    if (!"ping".equals(m)) throw new IllegalStateException("got " + m);
                    s.send("pong");
                    n++;
                }
            }
        }
        return n;
    }

    /** B.14/B.15/B.17: breaks its own IPC ("close" or "eof") right after started + opening its stream. */
    public static void breakIpc(Context ctx, String how) {
        ctx.started();
        MsgStream s = ctx.openStream();
        try {
            // tractor's break_ipc: reach the channel under ctx (runtime internals; the child JVM runs
            // with --add-opens tractor.runtime/tractor.runtime=ALL-UNNAMED, see IpcFaultsTest)
            java.lang.reflect.Field chF = ctx.getClass().getDeclaredField("ch");
            chF.setAccessible(true);
            Object ch = chF.get(ctx);
            if (how.equals("close")) {
                java.lang.reflect.Method close = ch.getClass().getDeclaredMethod("close");
                close.setAccessible(true);
                close.invoke(ch);
            } else {
                java.lang.reflect.Field fr = ch.getClass().getDeclaredField("frames");
                fr.setAccessible(true);
                ((tractor.transport.spi.FrameChannel) fr.get(ch)).shutdownOutput();
            }
        } catch (ReflectiveOperationException | java.io.InterruptedIOException e) {
            throw new IllegalStateException("cannot break the IPC of " + ctx, e);
        }
        s.closed();
        Sc.sleepForever();
    }

    /** B.16: echoes forever (until the parent is gone). */
    public static void echoForever(Context ctx) {
        ctx.started();
        try (MsgStream s = ctx.openStream()) {
            for (Object m : s) s.send(m);
        }
        Sc.sleepForever();
    }

    /** C.26: returns "yo" after {@code millis}. */
    public static String returnAfter(Context ctx, long millis) {
        ctx.started();
        if (millis > 0) Sc.sleep(Duration.ofMillis(millis));
        return "yo";
    }

    /** C.27: a sibling cancels a shared actor by name. */
    public static boolean cancelPeer(String name) {
        Portal p = Tractor.waitForActor(name);
        return p.cancelActor();
    }

    /**
     * C.28 (tractor's {@code error_before_started}): opens a context (and stream) to the "sleeper" peer,
     * cancels it, then sends an unencodable started value: that error must reach the root.
     */
    public static void errorBeforeStarted(Context ctx) {
        Portal p2 = Tractor.waitForActor("sleeper");
        try (Context peer = p2.openContext(Ctxs::sleepForever); MsgStream s = peer.openStream()) {
            peer.cancel();
            ctx.started(new Object());
        }
    }
}
