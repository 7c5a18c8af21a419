package tractor.runtime.it;

import java.util.List;
import tractor.Context;
import tractor.MsgStream;

/** The echo endpoint of tractor's test_task_broadcasting. */
public final class Echoes {
    private Echoes() {}

    /** tractor's {@code echo_sequences}: streams back, item by item, every sequence it is sent. */
    public static void echoSequences(Context ctx) {
        ctx.started();
        try (MsgStream s = ctx.openStream()) {
            for (Object sequence : s) {
                for (Object v : (List<?>) sequence) s.send(v);
            }
        }
    }
}
