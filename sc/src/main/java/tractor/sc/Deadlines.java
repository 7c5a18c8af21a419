package tractor.sc;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/** The one daemon timer thread that fires cancel-scope deadlines. */
final class Deadlines {
    private Deadlines() {}

    private static final class Holder {
        static final ScheduledThreadPoolExecutor TIMER = create();

        private static ScheduledThreadPoolExecutor create() {
            ScheduledThreadPoolExecutor e = new ScheduledThreadPoolExecutor(1,
                    r -> Thread.ofPlatform().daemon(true).name("tractor-sc-deadlines").unstarted(r));
            e.setRemoveOnCancelPolicy(true);
            return e;
        }
    }

    static ScheduledFuture<?> schedule(Runnable r, long delayNanos) {
        return Holder.TIMER.schedule(r, delayNanos, TimeUnit.NANOSECONDS);
    }
}
