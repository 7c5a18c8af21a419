package tractor.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * One hand-derived byte vector per msg type. Each vector is written segment by segment from the msgpack
 * spec: a map of N (&lt;16) entries is the fixmap byte {@code 0x80|N}; a string of L (&lt;32) UTF-8 bytes is
 * the fixstr byte {@code 0xa0|L} then the bytes; an array of N (&lt;16) is {@code 0x90|N}; ints 0..127 are one
 * byte (positive fixint), 128..65535 are {@code 0xcd} + 2 big-endian bytes (uint16); nil {@code c0}, false
 * {@code c2}, true {@code c3}. Layout per tractor: {@code msg_type} first (value = class name), then every
 * field in declaration order with defaults included. The Start vector is exactly the msgspec 0.22 output the
 * spec quotes ({@code {"msg_type":"Start","cid":"c1","ns":"mod","func":"fn","kwargs":{"x":1},
 * "uid":["root","u1"],"pld_spec":"typing.Any"}}). Frame = 4-byte little-endian length + body.
 */
class GoldenVectorsTest {
    private final MsgCodec codec = new MsgCodec();

    private static String hex(String... parts) {
        return String.join("", parts);
    }

    private static RawPayload raw(String hex) {
        return new RawPayload(HexFormat.of().parseHex(hex));
    }

    private static final String G_STOP = hex(
            "82", // fixmap(2)
            "a86d73675f74797065", // fixstr(8) "msg_type"
            "a453746f70", // fixstr(4) "Stop"
            "a3636964", // fixstr(3) "cid"
            "a26331"); // fixstr(2) "c1"

    private static final String G_STARTACK = hex(
            "83", // fixmap(3)
            "a86d73675f74797065", // fixstr(8) "msg_type"
            "a8537461727441636b", // fixstr(8) "StartAck"
            "a3636964", // fixstr(3) "cid"
            "a26331", // fixstr(2) "c1"
            "a866756e6374797065", // fixstr(8) "functype"
            "a96173796e6366756e63"); // fixstr(9) "asyncfunc"

    private static final String G_STARTED = hex(
            "83", // fixmap(3)
            "a86d73675f74797065", // fixstr(8) "msg_type"
            "a753746172746564", // fixstr(7) "Started"
            "a3636964", // fixstr(3) "cid"
            "a26331", // fixstr(2) "c1"
            "a3706c64", // fixstr(3) "pld"
            "01"); // positive fixint 1

    private static final String G_YIELD = hex(
            "83", // fixmap(3)
            "a86d73675f74797065", // fixstr(8) "msg_type"
            "a55969656c64", // fixstr(5) "Yield"
            "a3636964", // fixstr(3) "cid"
            "a26331", // fixstr(2) "c1"
            "a3706c64", // fixstr(3) "pld"
            "a26869"); // fixstr(2) "hi"

    private static final String G_RETURN = hex(
            "83", // fixmap(3)
            "a86d73675f74797065", // fixstr(8) "msg_type"
            "a652657475726e", // fixstr(6) "Return"
            "a3636964", // fixstr(3) "cid"
            "a26331", // fixstr(2) "c1"
            "a3706c64", // fixstr(3) "pld"
            "c0"); // nil

    private static final String G_CANCELACK = hex(
            "83", // fixmap(3)
            "a86d73675f74797065", // fixstr(8) "msg_type"
            "a943616e63656c41636b", // fixstr(9) "CancelAck"
            "a3636964", // fixstr(3) "cid"
            "a26331", // fixstr(2) "c1"
            "a3706c64", // fixstr(3) "pld"
            "c3"); // true

    private static final String G_AID = hex(
            "86", // fixmap(6)
            "a86d73675f74797065", // fixstr(8) "msg_type"
            "a3416964", // fixstr(3) "Aid"
            "a46e616d65", // fixstr(4) "name"
            "a4726f6f74", // fixstr(4) "root"
            "a475756964", // fixstr(4) "uuid"
            "a27531", // fixstr(2) "u1"
            "a3706964", // fixstr(3) "pid"
            "2a", // positive fixint 42
            "ac69735f726567697374726172", // fixstr(12) "is_registrar"
            "c0", // nil
            "a869735f70726f6265", // fixstr(8) "is_probe"
            "c2"); // false

    private static final String G_START = hex(
            "87", // fixmap(7)
            "a86d73675f74797065", // fixstr(8) "msg_type"
            "a55374617274", // fixstr(5) "Start"
            "a3636964", // fixstr(3) "cid"
            "a26331", // fixstr(2) "c1"
            "a26e73", // fixstr(2) "ns"
            "a36d6f64", // fixstr(3) "mod"
            "a466756e63", // fixstr(4) "func"
            "a2666e", // fixstr(2) "fn"
            "a66b7761726773", // fixstr(6) "kwargs"
            "81", // fixmap(1)
            "a178", // fixstr(1) "x"
            "01", // fixint 1
            "a3756964", // fixstr(3) "uid"
            "92", // fixarray(2)
            "a4726f6f74", // fixstr(4) "root"
            "a27531", // fixstr(2) "u1"
            "a8706c645f73706563", // fixstr(8) "pld_spec"
            "aa747970696e672e416e79"); // fixstr(10) "typing.Any"

    private static final String G_SPAWNSPEC = hex(
            "86", // fixmap(6)
            "a86d73675f74797065", // fixstr(8) "msg_type"
            "a9537061776e53706563", // fixstr(9) "SpawnSpec"
            "b15f706172656e745f6d61696e5f64617461", // fixstr(17) "_parent_main_data"
            "80", // fixmap(0)
            "ad5f72756e74696d655f76617273", // fixstr(13) "_runtime_vars"
            "81", // fixmap(1)
            "ab5f64656275675f6d6f6465", // fixstr(11) "_debug_mode"
            "c2", // false
            "ae656e61626c655f6d6f64756c6573", // fixstr(14) "enable_modules"
            "81", // fixmap(1)
            "a36d6f64", // fixstr(3) "mod"
            "a92f702f6d6f642e7079", // fixstr(9) "/p/mod.py"
            "a97265675f6164647273", // fixstr(9) "reg_addrs"
            "91", // fixarray(1)
            "92", // fixarray(2)
            "a93132372e302e302e31", // fixstr(9) "127.0.0.1"
            "cd0650", // uint16 1616 (0x0650, big-endian)
            "aa62696e645f6164647273", // fixstr(10) "bind_addrs"
            "c0"); // nil

    private static final String G_ERROR = hex(
            "8c", // fixmap(12)
            "a86d73675f74797065", // fixstr(8) "msg_type"
            "a54572726f72", // fixstr(5) "Error"
            "a77372635f756964", // fixstr(7) "src_uid"
            "92", // fixarray(2)
            "a177", // fixstr(1) "w"
            "a27532", // fixstr(2) "u2"
            "ac7372635f747970655f737472", // fixstr(12) "src_type_str"
            "aa56616c75654572726f72", // fixstr(10) "ValueError"
            "ae626f7865645f747970655f737472", // fixstr(14) "boxed_type_str"
            "aa56616c75654572726f72", // fixstr(10) "ValueError"
            "aa72656c61795f70617468", // fixstr(10) "relay_path"
            "91", // fixarray(1)
            "92", // fixarray(2)
            "a177", // fixstr(1) "w"
            "a27532", // fixstr(2) "u2"
            "a76d657373616765", // fixstr(7) "message"
            "a4626f6f6d", // fixstr(4) "boom"
            "a674625f737472", // fixstr(6) "tb_str"
            "a0", // fixstr(0) ""
            "a963616e63656c6c6572", // fixstr(9) "canceller"
            "c0", // nil
            "a673656e646572", // fixstr(6) "sender"
            "c0", // nil
            "a3636964", // fixstr(3) "cid"
            "a26331", // fixstr(2) "c1"
            "a85f6261645f6d7367", // fixstr(8) "_bad_msg"
            "c0", // nil
            "b05f6261645f6d73675f61735f64696374", // fixstr(16) "_bad_msg_as_dict"
            "c0"); // nil

    private static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    private void check(String hex, Msg msg) {
        byte[] expected = HexFormat.of().parseHex(hex);
        assertEquals(hex, HexFormat.of().formatHex(codec.encode(msg)), msg.msgType() + " encoding");
        assertEquals(msg, codec.decode(expected), msg.msgType() + " decoding");
        byte[] frame = codec.encodeFrame(msg);
        assertEquals(expected.length, frame[0] & 0xff, "length prefix, little-endian low byte");
        assertArrayEquals(new byte[] {0, 0, 0}, java.util.Arrays.copyOfRange(frame, 1, 4), "high bytes");
        assertEquals(msg, codec.decodeFrame(frame));
    }

    @Test
    void stop() {
        check(G_STOP, new Msg.Stop("c1"));
    }

    @Test
    void startAck() {
        check(G_STARTACK, new Msg.StartAck("c1", "asyncfunc"));
    }

    @Test
    void started() {
        check(G_STARTED, new Msg.Started("c1", raw("01")));
    }

    @Test
    void yield() {
        check(G_YIELD, new Msg.Yield("c1", raw("a26869")));
    }

    @Test
    void returnMsg() {
        check(G_RETURN, new Msg.Return("c1", RawPayload.NIL));
    }

    @Test
    void cancelAck() {
        check(G_CANCELACK, new Msg.CancelAck("c1", true));
    }

    @Test
    void aid() {
        check(G_AID, new Msg.Aid("root", "u1", 42L, null, false));
    }

    @Test
    void start() {
        check(G_START, new Msg.Start("c1", "mod", "fn", raw("81a17801"), new Uid("root", "u1")));
    }

    @Test
    void spawnSpec() {
        check(G_SPAWNSPEC, new Msg.SpawnSpec(map(), map("_debug_mode", false), Map.of("mod", "/p/mod.py"),
                List.of(List.of("127.0.0.1", 1616L)), null));
    }

    @Test
    void error() {
        Uid w = new Uid("w", "u2");
        check(G_ERROR, new Msg.Error(w, "ValueError", "ValueError", List.of(w), "boom", "", null, null, "c1",
                null, null));
    }

    @Test
    void frameOfStopIsLengthThenBody() {
        // 0x16 = 22 body bytes: 1 (fixmap) + 9 (msg_type) + 5 (Stop) + 4 (cid) + 3 (c1)
        assertEquals("16000000" + G_STOP, HexFormat.of().formatHex(codec.encodeFrame(new Msg.Stop("c1"))));
    }
}
