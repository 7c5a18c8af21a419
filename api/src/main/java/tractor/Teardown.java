package tractor;

import java.time.Duration;
import java.util.Objects;

/**
 * The timeouts of the teardown ladder, tractor's defaults unless changed: a graceful runtime-cancel
 * request acknowledged within {@code cancelAckWait}; the whole nursery cancel within
 * {@code nurseryBudget}; then a soft stop (SIGTERM), {@code terminateGrace} to exit, then a hard stop
 * (SIGKILL). Every child is waited for.
 *
 * @param cancelAckWait  how long a cancel request waits for its acknowledgement (tractor: 0.5 s)
 * @param nurseryBudget  how long cancelling a whole nursery may take gracefully (tractor: 3 s)
 * @param terminateGrace how long a soft-stopped child may take to exit before the hard stop (tractor: 1.6 s)
 */
public record Teardown(Duration cancelAckWait, Duration nurseryBudget, Duration terminateGrace) {
    /** 0.5 s, 3 s, 1.6 s. */
    public static final Teardown DEFAULTS = new Teardown(Duration.ofMillis(500), Duration.ofSeconds(3), Duration.ofMillis(1600));

    public Teardown {
        Objects.requireNonNull(cancelAckWait, "cancelAckWait");
        Objects.requireNonNull(nurseryBudget, "nurseryBudget");
        Objects.requireNonNull(terminateGrace, "terminateGrace");
    }
}
