package tractor.runtime;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import tractor.sc.CancelScope;

/**
 * The text of {@link tractor.Actor#dump}: the actor, its connections with their open dialogs (contexts
 * and their streams, calls), then each child as the child itself dumps it, asked over RPC (the runtime
 * call {@code dump}) and indented under it. A child that does not answer within {@link #CHILD_WAIT} is
 * shown with what the parent knows of it (name, backend handle, the error).
 */
final class ActorDump {
    private ActorDump() {}

    /** How long a parent waits for a child's own dump. */
    static final Duration CHILD_WAIT = Duration.ofSeconds(2);

    static String text(ActorRuntime rt) {
        StringBuilder b = new StringBuilder();
        try {
            dump(rt, b);
        } catch (IOException e) {
            throw new IllegalStateException("a StringBuilder does not fail", e);
        }
        return b.toString();
    }

    static void dump(ActorRuntime rt, Appendable out) throws IOException {
        out.append(header(rt)).append('\n');
        for (Channel ch : rt.peers().all()) {
            out.append("  peer ").append(ch.describePeer()).append('\n');
            for (MsgSink d : ch.dialogs()) {
                out.append("    ").append(String.valueOf(d)).append('\n');
                if (d instanceof ContextImpl c && c.stream() != null && !c.stream().closed()) {
                    out.append("      ").append(String.valueOf(c.stream())).append('\n');
                }
            }
        }
        for (ActorNurseryImpl n : rt.nurseries()) {
            for (ChildSupervisor c : n.children()) child(c, out);
        }
    }

    private static String header(ActorRuntime rt) {
        String roles = (rt.isRoot() ? "root" : "") + (rt.isRoot() && rt.isRegistrar() ? ", " : "") + (rt.isRegistrar() ? "registrar" : "");
        return "actor " + rt.uid().name() + " [" + rt.uid().uuid() + "] pid " + rt.pid() + " at " + rt.address()
                + (roles.isEmpty() ? "" : " (" + roles + ")");
    }

    private static void child(ChildSupervisor c, Appendable out) throws IOException {
        out.append("  child ").append(c.name).append(" (").append(c.handle.describe()).append(")\n");
        String text;
        try {
            Object[] got = new Object[1];
            CancelScope s = CancelScope.moveOnAfter(CHILD_WAIT, cs -> got[0] = c.portal.callSelf("dump", Map.of()));
            text = s.cancelledCaught() ? "(no answer within " + CHILD_WAIT + ")" : String.valueOf(got[0]);
        } catch (Exception | tractor.sc.Cancelled e) {
            text = "(unreachable: " + e + ")";
        }
        for (String line : text.split("\n")) out.append("    ").append(line).append('\n');
    }
}
