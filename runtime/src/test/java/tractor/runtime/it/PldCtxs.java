package tractor.runtime.it;

import tractor.Context;
import tractor.PayloadSpec;

/** Context endpoints of tractor's msg/test_pldrx_limiting: a payload spec of {@code PldMsg} (or null). */
public final class PldCtxs {
    private PldCtxs() {}

    /** tractor's {@code PldMsg} struct. */
    public record PldMsg(String field) {}

    /** What the last endpoint here did: "returned", or the name of what it raised. */
    private static volatile String lastOutcome = "none";

    public static String lastOutcome() {
        return lastOutcome;
    }

    /** Starts with a valid {@code PldMsg}, returns null. */
    @PayloadSpec(PldMsg.class)
    public static void validStartedNullReturn(Context ctx) {
        ctx.started(new PldMsg("yo"));
    }

    /** Starts with 10: breaks its spec, so started() raises here and nothing is sent. */
    @PayloadSpec(PldMsg.class)
    public static void invalidStarted(Context ctx) {
        try {
            ctx.started(10);
            lastOutcome = "sent";
        } catch (RuntimeException e) {
            lastOutcome = e.getClass().getName();
            throw e;
        }
    }

    /** Starts validly, then returns "yo", which breaks the spec: the child itself does not fail. */
    @PayloadSpec(PldMsg.class)
    public static Object invalidReturn(Context ctx) {
        ctx.started(new PldMsg("yo"));
        lastOutcome = "returned";
        return "yo";
    }
}
