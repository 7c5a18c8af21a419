package tractor.runtime;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/** The one daemon timer thread that sends heartbeats and detects silent peers for every channel. */
final class Heartbeats {
    private Heartbeats() {}

    /** A heartbeat frame body: a lone msgpack nil, which no msg (always a map) can be. */
    static final byte[] FRAME = {(byte) 0xc0};

    private static final class Holder {
        static final ScheduledThreadPoolExecutor TIMER = create();

        private static ScheduledThreadPoolExecutor create() {
            ScheduledThreadPoolExecutor e = new ScheduledThreadPoolExecutor(1,
                    r -> Thread.ofPlatform().daemon(true).name("tractor-heartbeats").unstarted(r));
            e.setRemoveOnCancelPolicy(true);
            return e;
        }
    }

    static boolean isHeartbeat(byte[] body) {
        return body.length == 1 && body[0] == FRAME[0];
    }

    static ScheduledFuture<?> every(long periodNanos, Runnable tick) {
        return Holder.TIMER.scheduleAtFixedRate(tick, periodNanos, periodNanos, TimeUnit.NANOSECONDS);
    }
}
