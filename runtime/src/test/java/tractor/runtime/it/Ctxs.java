package tractor.runtime.it;

import tractor.Context;
import tractor.MsgStream;
import tractor.Tractor;
import tractor.sc.Sc;

/** Context endpoints for the runtime's context tests. */
public final class Ctxs {
    private Ctxs() {}

    /** Starts with "ready", echoes the stream back until the parent closes it, returns how many it echoed. */
    public static int echo(Context ctx) {
        ctx.started("ready");
        int n = 0;
        try (MsgStream s = ctx.openStream()) {
            for (Object m : s) {
                s.send(m);
                n++;
            }
        }
        return n;
    }

    /** Streams 0..count-1 and returns "sent". */
    public static String count(Context ctx, int count) {
        ctx.started(count);
        try (MsgStream s = ctx.openStream()) {
            for (long i = 0; i < count; i++) s.send(i);
        }
        return "sent";
    }

    public static void failBeforeStarted(Context ctx) {
        throw new IllegalArgumentException("bad start");
    }

    public static void failMidStream(Context ctx, int after) {
        ctx.started();
        try (MsgStream s = ctx.openStream()) {
            for (int i = 0; i < after; i++) s.send(i);
            throw new IllegalStateException("mid-stream failure");
        }
    }

    public static void sleepForever(Context ctx) {
        ctx.started();
        Sc.sleepForever();
    }

    public static void startedTwice(Context ctx) {
        ctx.started(1);
        ctx.started(2);
    }

    public static void streamBeforeStarted(Context ctx) {
        ctx.openStream();
    }

    public static void cancelSelf(Context ctx) {
        ctx.started();
        ctx.cancel();
        Sc.sleepForever();
    }

    /** Starts, then never reads its stream: the parent's sends pile up. */
    public static void neverReads(Context ctx) {
        ctx.started();
        ctx.openStream();
        Sc.sleepForever();
    }

    public static String whoseCtx(Context ctx) {
        ctx.started();
        return Tractor.currentIpcCtx().cid().equals(ctx.cid()) ? "same" : "other";
    }
}
