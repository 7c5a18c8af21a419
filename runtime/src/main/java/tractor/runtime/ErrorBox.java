package tractor.runtime;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import tractor.ActorId;
import tractor.ContextCancelled;
import tractor.RemoteActorError;

/**
 * Boxing of errors for the wire (tractor's {@code pack_error}/{@code unpack_error}). A local error is
 * boxed with its class name, message and stack text; a {@link RemoteActorError} being relayed keeps
 * its origin and grows its relay path ("inception": the box of a box is boxed as a
 * {@code RemoteActorError}); a {@link ContextCancelled} keeps its canceller. Unboxing never loads or
 * instantiates the remote type: it builds a {@link RemoteActorError} (or {@link ContextCancelled}).
 */
final class ErrorBox {
    private ErrorBox() {}

    static Uid uid(ActorId id) {
        return new Uid(id.name(), id.uuid());
    }

    static ActorId id(Uid u) {
        return u == null ? null : new ActorId(u.name(), u.uuid());
    }

    /** Boxes {@code t}, raised (or relayed) by actor {@code self}, for dialog {@code cid}. */
    static Msg.Error pack(Throwable t, Uid self, String cid) {
        if (t instanceof ContextCancelled cc) {
            List<Uid> path = relay(cc.relayPath(), self);
            return new Msg.Error(self, ContextCancelled.class.getName(), ContextCancelled.class.getName(), path,
                    cc.remoteMessage(), cc.remoteStackTrace(), cc.canceller() == null ? null : uid(cc.canceller()), null, cid, null, null);
        }
        if (t instanceof RemoteActorError rae) {
            return new Msg.Error(uid(rae.srcUid()), rae.srcTypeName(), RemoteActorError.class.getName(), relay(rae.relayPath(), self),
                    rae.remoteMessage(), rae.remoteStackTrace(), null, null, cid, null, null);
        }
        String type = t.getClass().getName();
        return new Msg.Error(self, type, type, List.of(self), t.getMessage(), stackText(t), null, null, cid, null, null);
    }

    /** A {@link ContextCancelled} raised by {@code self} on request of {@code canceller}. */
    static Msg.Error cancelled(Uid self, Uid canceller, String cid, String why) {
        String type = ContextCancelled.class.getName();
        return new Msg.Error(self, type, type, List.of(self), why, "", canceller, null, cid, null, null);
    }

    private static List<Uid> relay(List<ActorId> path, Uid self) {
        List<Uid> out = new ArrayList<>();
        for (ActorId a : path) out.add(uid(a));
        if (out.isEmpty() || !out.getLast().equals(self)) out.add(self);
        return out;
    }

    /** Unboxes an {@code Error} msg into the exception raised on this side. */
    static RemoteActorError unpack(Msg.Error e) {
        List<ActorId> path = new ArrayList<>();
        for (Uid u : e.relayPath()) path.add(id(u));
        if (ContextCancelled.class.getName().equals(e.boxedTypeStr())) {
            return new ContextCancelled(e.message(), id(e.canceller()), id(e.srcUid()), path, e.tbStr());
        }
        return new RemoteActorError(e.message(), e.boxedTypeStr(), e.srcTypeStr(), id(e.srcUid()), path, e.tbStr());
    }

    static String stackText(Throwable t) {
        StringWriter w = new StringWriter();
        t.printStackTrace(new PrintWriter(w));
        return w.toString();
    }
}
