package tractor.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Round trips of every msg type, decoding rules (field order, unknown fields, defaults) and bad input. */
class MsgCodecTest {
    private final MsgCodec codec = new MsgCodec();
    private static final PayloadCodec PLD = new PayloadCodec();
    private static final Uid ME = new Uid("root", "8f1e-uuid");

    static Stream<Msg> everyType() {
        RawPayload pld = PLD.encode(Map.of("a", List.of(1L, "two", 3.5)));
        Msg.Yield bad = new Msg.Yield("c9", PLD.encode("not-an-int"));
        return Stream.of(
                new Msg.Aid("root", "u1", 1234L, true, false),
                new Msg.Aid("probe", "u9", null, null, true),
                new Msg.SpawnSpec(Map.of("init", "x"), Map.of("_debug_mode", true, "_root_mailbox",
                        List.of("127.0.0.1", 1616L)), Map.of("app.mod", "/app/mod.py"),
                        List.of(List.of("127.0.0.1", 1616L), List.of("/tmp/reg.sock", "x")),
                        List.of(List.of("127.0.0.1", 0L))),
                new Msg.Start("c1", "self", "_cancel_task", PLD.encode(Map.of("cid", "c0")), ME, "typing.Any"),
                new Msg.StartAck("c1", "context"),
                new Msg.Started("c1", pld),
                new Msg.Yield("c1", PLD.encode(new byte[] {1, 2, 3})),
                new Msg.Stop("c1"),
                new Msg.Return("c1", PLD.encode(Long.MIN_VALUE)),
                new Msg.CancelAck("c1", false),
                new Msg.Error(ME, "ValueError", "RemoteActorError", List.of(ME, new Uid("mid", "u3")), null,
                        "Traceback…\n  ünïcode", ME, new Uid("s", "u4"), "c1", bad,
                        Map.of("msg_type", "Yield", "cid", "c9", "pld", "not-an-int")));
    }

    @ParameterizedTest
    @MethodSource("everyType")
    void roundTrips(Msg msg) {
        assertEquals(msg, codec.decode(codec.encode(msg)));
        assertEquals(msg, codec.decodeFrame(codec.encodeFrame(msg)));
    }

    /**
     * One codec decodes many msgs: cids and keys repeat, and a decoded name is reused only for the very same
     * bytes (colliding names, non-ASCII names and an invalid UTF-8 name after a valid one all decode exactly).
     */
    @Test
    void repeatedNamesDecodeExactlyThroughTheNameCache() {
        List<String> cids = new java.util.ArrayList<>();
        for (int i = 0; i < 200; i++) cids.add("c" + i + (i % 3 == 0 ? "é" : "") + "x".repeat(i % 70));
        for (int round = 0; round < 2; round++) {
            for (String cid : cids) {
                Msg.Stop m = (Msg.Stop) codec.decode(codec.encode(new Msg.Stop(cid)));
                assertEquals(cid, m.cid());
            }
        }
        String a = ((Msg.Stop) codec.decode(codec.encode(new Msg.Stop("same-cid")))).cid();
        String b = ((Msg.Stop) codec.decode(codec.encode(new Msg.Stop("same-cid")))).cid();
        assertSame(a, b, "a repeated cid is the same String");
        // {"msg_type":"Stop","cid":"c\xff"}: invalid UTF-8 stays an error, even right after "c1" was cached
        codec.decode(codec.encode(new Msg.Stop("c1")));
        byte[] bad = HexFormat.of().parseHex("82a86d73675f74797065a453746f70a3636964a263ff");
        assertThrows(MsgDecodeException.class, () -> codec.decode(bad));
    }

    @Test
    void fieldsInAnyOrderAndUnknownFieldsAreSkipped() {
        // {"cid":"c1","future":[1,{"x":nil}],"msg_type":"Stop"}
        byte[] b = HexFormat.of().parseHex("83a3636964a26331a6667574757265920181a178c0a86d73675f74797065a453746f70");
        assertEquals(new Msg.Stop("c1"), codec.decode(b));
    }

    @Test
    void defaultsFillOmittedFields() {
        // {"msg_type":"Aid","name":"a","uuid":"u"} → pid/is_registrar null, is_probe false
        byte[] b = HexFormat.of().parseHex("83a86d73675f74797065a3416964a46e616d65a161a475756964a175");
        assertEquals(new Msg.Aid("a", "u", null, null, false), codec.decode(b));
    }

    @Test
    void missingRequiredFieldIsAValidationError() {
        byte[] b = HexFormat.of().parseHex("81a86d73675f74797065a453746f70"); // {"msg_type":"Stop"}
        var e = assertThrows(MsgValidationException.class, () -> codec.decode(b));
        assertTrue(e.getMessage().contains("missing required field 'cid' in Stop"), e.getMessage());
    }

    @Test
    void unknownMsgType() {
        byte[] b = HexFormat.of().parseHex("81a86d73675f74797065a3466f6f"); // {"msg_type":"Foo"}
        var e = assertThrows(MsgValidationException.class, () -> codec.decode(b));
        assertTrue(e.getMessage().contains("unknown msg_type 'Foo'"), e.getMessage());
    }

    @Test
    void wrongFieldType() {
        byte[] b = HexFormat.of().parseHex("82a86d73675f74797065a453746f70a363696401"); // cid: 1
        var e = assertThrows(MsgValidationException.class, () -> codec.decode(b));
        assertTrue(e.getMessage().contains("Stop.cid: expected str, got int"), e.getMessage());
    }

    @Test
    void duplicateKeyAndNoTagAndNotAMap() {
        assertThrows(MsgValidationException.class, () -> codec.decode(HexFormat.of()
                .parseHex("83a86d73675f74797065a453746f70a3636964a26331a3636964a26331")));
        assertThrows(MsgValidationException.class, () -> codec.decode(HexFormat.of().parseHex("81a3636964a26331")));
        assertThrows(MsgValidationException.class, () -> codec.decode(HexFormat.of().parseHex("93010203")));
    }

    @Test
    void kwargsMustBeAMapAndBadMsgMustBeAPayloadMsg() {
        Msg.Start s = new Msg.Start("c", "n", "f", PLD.encode(List.of()), ME);
        assertThrows(MsgValidationException.class, () -> codec.decode(codec.encode(s)));
        Msg.Error e = new Msg.Error(ME, "T", "T", List.of(), null, "", null, null, null,
                new Msg.Started("c", RawPayload.NIL), null);
        byte[] b = codec.encode(e);
        byte[] started = HexFormat.of().parseHex("a753746172746564");
        byte[] stop = HexFormat.of().parseHex("a753746f70706564"); // "Stopped": unknown type
        int at = indexOf(b, started);
        System.arraycopy(stop, 0, b, at, stop.length);
        assertThrows(MsgValidationException.class, () -> codec.decode(b));
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    @Test
    void truncatedAtEveryLength() {
        byte[] full = codec.encode(everyType().toList().getLast());
        for (int n = 0; n < full.length; n++) {
            var e = assertThrows(MsgDecodeException.class, () -> codec.decode(java.util.Arrays.copyOf(full,
                    0), 0, 0));
            assertTrue(e.getMessage().contains("truncated"), e.getMessage());
            int len = n;
            assertThrows(MsgDecodeException.class, () -> codec.decode(full, 0, len));
        }
    }

    @Test
    void trailingBytes() {
        byte[] b = HexFormat.of().parseHex("82a86d73675f74797065a453746f70a3636964a26331c0");
        assertTrue(assertThrows(MsgDecodeException.class, () -> codec.decode(b)).getMessage().contains("trailing"));
    }

    @Test
    void lyingLengthsAreRefusedBeforeAllocating() {
        // array32/map32 claiming 2^31-1 entries, str32/bin32/ext32 claiming ~2 GB, all in frames under 20 bytes
        for (String hex : List.of("dd7fffffff0000000000000000000000000000", "df7fffffff00000000000000000000000000",
                "dbfffffff0000000000000000000000000", "c67ffffff0000000000000000000", "c97ffffff00100000000",
                "ddffffffff00")) {
            RawPayload b = new RawPayload(HexFormat.of().parseHex(hex));
            var e = assertThrows(MsgDecodeException.class, () -> PLD.decode(b), hex);
            assertTrue(e.getMessage().contains("left") || e.getMessage().contains("malformed"), e.getMessage());
            assertThrows(MsgDecodeException.class, () -> PLD.decode(b, List.class), hex);
        }
        // in the envelope: a map32 header and a str32 msg_type value that lie
        for (String hex : List.of("df7fffffff00000000000000000000000000", "81a86d73675f74797065db7ffffff0",
                "83a86d73675f74797065a55969656c64a3636964a26331a3706c64dd7fffffff01")) {
            byte[] b = HexFormat.of().parseHex(hex);
            var e = assertThrows(MsgDecodeException.class, () -> codec.decode(b), hex);
            assertTrue(e.getMessage().contains("left"), e.getMessage());
        }
    }

    @Test
    void tooDeep() {
        MsgCodec shallow = new MsgCodec(CodecLimits.DEFAULT.withMaxDepth(4), ExtRegistry.EMPTY);
        byte[] deep = PLD.encode(List.of(List.of(List.of(List.of(List.of(1L)))))).bytes();
        Msg.Yield y = new Msg.Yield("c", new RawPayload(deep));
        var e = assertThrows(MsgDecodeException.class, () -> shallow.decode(shallow.encode(y)));
        assertTrue(e.getMessage().contains("nesting deeper"), e.getMessage());
        // 100k nested arrays in the default codec: refused, no StackOverflowError
        byte[] bomb = new byte[100_000];
        java.util.Arrays.fill(bomb, (byte) 0x91);
        assertThrows(MsgDecodeException.class, () -> codec.decode(bomb));
    }

    @Test
    void oversizedFrame() {
        MsgCodec small = new MsgCodec(CodecLimits.DEFAULT.withMaxFrameBytes(64), ExtRegistry.EMPTY);
        Msg.Yield big = new Msg.Yield("c", PLD.encode("x".repeat(100)));
        assertThrows(MsgEncodeException.class, () -> small.encode(big));
        byte[] body = codec.encode(big);
        assertTrue(assertThrows(MsgDecodeException.class, () -> small.decode(body)).getMessage().contains("limit"));
        assertThrows(MsgDecodeException.class, () -> small.frameBodyLength(new byte[] {(byte) 0xff, 0, 0, 0}, 0));
        assertEquals(64, small.frameBodyLength(new byte[] {64, 0, 0, 0}, 0));
        assertThrows(MsgDecodeException.class, () -> codec.frameBodyLength(new byte[] {0, 0, 0, (byte) 0x80}, 0));
        byte[] frame = codec.encodeFrame(new Msg.Stop("c"));
        frame[0]++;
        assertThrows(MsgDecodeException.class, () -> codec.decodeFrame(frame));
        assertThrows(MsgDecodeException.class, () -> codec.decodeFrame(new byte[2]));
    }

    @Test
    void invalidUtf8AndReservedByte() {
        assertThrows(MsgDecodeException.class, () -> codec.decode(HexFormat.of().parseHex("81a2c328c0")));
        assertThrows(MsgDecodeException.class, () -> codec.decode(HexFormat.of().parseHex("c1")));
        assertThrows(MsgDecodeException.class, () -> codec.decode(new byte[0]));
    }

    @Test
    void rawPayloadIsCopiedVerbatim() {
        RawPayload pld = PLD.encode(Map.of("k", List.of(true, 1.5, "v")));
        Msg.Started s = assertInstanceOf(Msg.Started.class, codec.decode(codec.encode(new Msg.Started("c", pld))));
        assertEquals(pld, s.pld());
        assertTrue(s.toString().contains("RawPayload["), s.toString());
    }

    @Test
    void msgTypeIsTheSimpleName() {
        assertEquals(List.of("Aid", "SpawnSpec", "SpawnSpec", "Start", "StartAck", "Started", "Yield", "Stop",
                "Return", "CancelAck", "Error").subList(3, 11), everyType().skip(3).map(Msg::msgType).toList());
    }
}
