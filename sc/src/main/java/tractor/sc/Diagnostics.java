package tractor.sc;

import java.util.List;

/** What the structured-concurrency core is running now; for leak checks, dumps and monitoring. */
public final class Diagnostics {
    private Diagnostics() {}

    /** The names of every task started by a nursery that has not ended yet. */
    public static List<String> liveTaskNames() {
        return TaskImpl.LIVE.stream().map(t -> t.name).toList();
    }
}
