package tractor.runtime;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.msgpack.core.MessageBufferPacker;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessagePacker;

/**
 * Writes a {@link Msg} as tractor does: one map, {@code msg_type} first, then every field in declaration
 * order with defaults included and nil for null. Keys and tags are pre-encoded fixstr bytes, so a
 * {@code Yield} costs a header, three key copies, the cid string and the raw payload copy. Not thread-safe.
 */
final class MsgEncoder {
    private final MessagePacker p;
    private final PayloadEncoder values;

    MsgEncoder(MessagePacker p, PayloadEncoder values) {
        this.p = p;
        this.values = values;
    }

    /** Pre-encodes an ASCII key of at most 31 bytes as a msgpack fixstr. */
    static byte[] fixstr(String s) {
        byte[] b = s.getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[b.length + 1];
        out[0] = (byte) (0xa0 | b.length);
        System.arraycopy(b, 0, out, 1, b.length);
        return out;
    }

    private static final byte[] MSG_TYPE = fixstr("msg_type");
    private static final byte[] CID = fixstr("cid");
    private static final byte[] PLD = fixstr("pld");
    private static final byte[] T_STARTED = fixstr("Started");
    private static final byte[] T_YIELD = fixstr("Yield");
    private static final byte[] T_RETURN = fixstr("Return");
    private static final byte[] T_STOP = fixstr("Stop");

    /** Writes one msg. @throws MsgEncodeException if a generic field holds an unencodable value */
    void write(Msg m) throws IOException {
        // an instanceof chain, not a pattern switch: a type switch spins a class at its first use in every
        // JVM (SwitchBootstraps), which a child JVM pays while it boots (bench/README, spawn: the JVM)
        if (m instanceof Msg.Yield y) cidPld(T_YIELD, y.cid(), y.pld());
        else if (m instanceof Msg.Started s) cidPld(T_STARTED, s.cid(), s.pld());
        else if (m instanceof Msg.Return r) cidPld(T_RETURN, r.cid(), r.pld());
        else if (m instanceof Msg.Stop s) stop(s);
        else if (m instanceof Msg.StartAck a) startAck(a);
        else if (m instanceof Msg.Start s) start(s);
        else if (m instanceof Msg.CancelAck c) cancelAck(c);
        else if (m instanceof Msg.Aid a) aid(a);
        else if (m instanceof Msg.SpawnSpec s) spawnSpec(s);
        else if (m instanceof Msg.Error e) error(e);
        else throw new IllegalStateException("no encoding for msg type " + m.getClass().getName());
    }

    private void head(int fields, byte[] tag) throws IOException {
        p.packMapHeader(fields + 1).writePayload(MSG_TYPE).writePayload(tag);
    }

    private void key(String k) throws IOException {
        p.packString(k);
    }

    private void str(String k, String v) throws IOException {
        key(k);
        if (v == null) {
            p.packNil();
        } else {
            p.packString(v);
        }
    }

    private void cidPld(byte[] tag, String cid, RawPayload pld) throws IOException {
        head(2, tag);
        p.writePayload(CID).writePayload(cid(cid)).writePayload(PLD).writePayload(pld.bytes());
    }

    private void stop(Msg.Stop s) throws IOException {
        head(1, T_STOP);
        p.writePayload(CID).writePayload(cid(s.cid()));
    }

    /** The last cid written and its msgpack string: a stream's msgs all carry the same cid. */
    private String lastCid;
    private byte[] lastCidBytes;

    /** {@code cid} as msgpack writes a string (the same packer config, so the same bytes), cached for the next msg. */
    private byte[] cid(String cid) throws IOException {
        if (lastCidBytes == null || !java.util.Objects.equals(cid, lastCid)) {
            try (MessageBufferPacker one = MessagePack.newDefaultBufferPacker()) {
                one.packString(cid);
                lastCidBytes = one.toByteArray();
            }
            lastCid = cid;
        }
        return lastCidBytes;
    }

    private void startAck(Msg.StartAck a) throws IOException {
        p.packMapHeader(3).packString("msg_type").packString("StartAck");
        str("cid", a.cid());
        str("functype", a.functype());
    }

    private void start(Msg.Start s) throws IOException {
        p.packMapHeader(7).packString("msg_type").packString("Start");
        str("cid", s.cid());
        str("ns", s.ns());
        str("func", s.func());
        key("kwargs");
        p.writePayload(s.kwargs().bytes());
        key("uid");
        uid(s.uid());
        str("pld_spec", s.pldSpec());
    }

    private void cancelAck(Msg.CancelAck c) throws IOException {
        p.packMapHeader(3).packString("msg_type").packString("CancelAck");
        str("cid", c.cid());
        key("pld");
        p.packBoolean(c.pld());
    }

    private void aid(Msg.Aid a) throws IOException {
        p.packMapHeader(6).packString("msg_type").packString("Aid");
        str("name", a.name());
        str("uuid", a.uuid());
        key("pid");
        values.write(a.pid(), 1);
        key("is_registrar");
        values.write(a.isRegistrar(), 1);
        key("is_probe");
        p.packBoolean(a.isProbe());
    }

    private void spawnSpec(Msg.SpawnSpec s) throws IOException {
        p.packMapHeader(6).packString("msg_type").packString("SpawnSpec");
        value("_parent_main_data", s.parentMainData());
        value("_runtime_vars", s.runtimeVars());
        value("enable_modules", s.enableModules());
        value("reg_addrs", s.regAddrs());
        value("bind_addrs", s.bindAddrs());
    }

    private void error(Msg.Error e) throws IOException {
        p.packMapHeader(12).packString("msg_type").packString("Error");
        key("src_uid");
        uid(e.srcUid());
        str("src_type_str", e.srcTypeStr());
        str("boxed_type_str", e.boxedTypeStr());
        key("relay_path");
        uids(e.relayPath());
        str("message", e.message());
        str("tb_str", e.tbStr());
        key("canceller");
        uid(e.canceller());
        key("sender");
        uid(e.sender());
        str("cid", e.cid());
        key("_bad_msg");
        if (e.badMsg() == null) {
            p.packNil();
        } else {
            write(e.badMsg());
        }
        value("_bad_msg_as_dict", e.badMsgAsDict());
    }

    private void value(String k, Object v) throws IOException {
        key(k);
        values.write(v, 2); // the msg map is depth 1
    }

    private void uid(Uid u) throws IOException {
        if (u == null) {
            p.packNil();
        } else {
            p.packArrayHeader(2).packString(u.name()).packString(u.uuid());
        }
    }

    private void uids(List<Uid> list) throws IOException {
        p.packArrayHeader(list.size());
        for (Uid u : list) {
            uid(u);
        }
    }

    @Override
    public String toString() {
        return "MsgEncoder[" + values + "]";
    }
}
