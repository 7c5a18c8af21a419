package tractor.runtime;

import java.util.List;
import java.util.Map;

/**
 * The runtime's own calls ({@code Start.ns == "self"}): {@code cancel} (the whole actor),
 * {@code _cancel_task} (one dialog), and on a registrar {@code register_actor}, {@code unregister_actor}, {@code delete_addr},
 * {@code find_actor} and {@code get_registry}. Unknown names are refused like unknown endpoints.
 */
final class SelfCalls {
    private final ActorRuntime rt;
    private final RpcServer server;

    SelfCalls(ActorRuntime rt, RpcServer server) {
        this.rt = rt;
        this.server = server;
    }

    void serve(Channel ch, Msg.Start s, RpcTask self) throws Exception {
        PayloadCodec pc = rt.payloadCodec();
        Map<?, ?> kw;
        try {
            kw = pc.decode(s.kwargs()) instanceof Map<?, ?> m ? m : Map.of();
        } catch (MsgDecodeException e) {
            server.send(ch, ErrorBox.pack(e, rt.wireUid(), s.cid()));
            return;
        }
        server.send(ch, new Msg.StartAck(s.cid(), "asyncfunc"));
        switch (s.func()) {
            case "cancel" -> {
                JfrEvents.cancelRequested(rt, "received", "actor", s.uid().name());
                Log.cancel(rt, "cancel requested by " + s.uid().name());
                rt.cancelFromPeer(s.uid(), self);
                server.send(ch, new Msg.CancelAck(s.cid(), true));
                rt.endSoon();
            }
            case "_cancel_task" -> {
                JfrEvents.cancelRequested(rt, "received", String.valueOf(kw.get("cid")), s.uid().name());
                boolean ended = server.cancelTask(ch, String.valueOf(kw.get("cid")), s.uid(), rt.teardown().cancelAckWait());
                server.send(ch, new Msg.CancelAck(s.cid(), ended));
            }
            case "dump" -> server.send(ch, new Msg.Return(s.cid(), pc.encode(ActorDump.text(rt))));
            default -> registry(ch, s, kw, pc);
        }
    }

    private void registry(Channel ch, Msg.Start s, Map<?, ?> kw, PayloadCodec pc) {
        Registrar reg = rt.registrar();
        if (reg == null) {
            server.send(ch, ErrorBox.pack(new NoSuchMethodException("no runtime call \"" + s.func() + "\" in actor " + rt.uid()
                    + (isRegistryCall(s.func()) ? " (it is not a registrar)" : "")), rt.wireUid(), s.cid()));
            return;
        }
        Object result;
        switch (s.func()) {
            case "register_actor" -> {
                reg.register(uidOf(kw.get("uid")), String.valueOf(kw.get("addr")));
                result = null;
            }
            case "unregister_actor" -> result = reg.unregister(uidOf(kw.get("uid")));
            case "delete_addr" -> result = reg.deleteAddr(String.valueOf(kw.get("addr")));
            case "find_actor" -> result = reg.find(String.valueOf(kw.get("name")));
            case "wait_for_actor" -> result = reg.await(String.valueOf(kw.get("name")));
            case "get_registry" -> result = reg.snapshot();
            default -> {
                server.send(ch, ErrorBox.pack(new NoSuchMethodException("no runtime call \"" + s.func() + "\" in actor " + rt.uid()),
                        rt.wireUid(), s.cid()));
                return;
            }
        }
        server.send(ch, new Msg.Return(s.cid(), pc.encode(result)));
    }

    private static boolean isRegistryCall(String f) {
        return List.of("register_actor", "unregister_actor", "delete_addr", "find_actor", "wait_for_actor", "get_registry").contains(f);
    }

    private static Uid uidOf(Object o) {
        if (o instanceof List<?> l && l.size() == 2) return new Uid(String.valueOf(l.get(0)), String.valueOf(l.get(1)));
        throw new IllegalArgumentException("an actor uid is [name, uuid], got " + o);
    }
}
