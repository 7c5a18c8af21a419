package tractor.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.msgpack.core.MessageBufferPacker;
import org.msgpack.core.MessagePack;

/**
 * The codecs reuse one output array and cache the last cid's bytes across encodes: what they write must be what
 * a fresh msgpack packer writes, whatever came before (other cids, a failed encode, a big msg).
 */
class ReusedEncoderTest {
    private static final ExtRegistry NO_EXT = ExtRegistry.EMPTY;

    /** A Yield written field by field with a fresh msgpack packer: the reference bytes. */
    private static byte[] reference(String cid, byte[] pld) throws Exception {
        try (MessageBufferPacker p = MessagePack.newDefaultBufferPacker()) {
            p.packMapHeader(3).packString("msg_type").packString("Yield").packString("cid").packString(cid).packString("pld");
            p.writePayload(pld);
            return p.toByteArray();
        }
    }

    @Test
    void yieldsOfAlternatingCidsOfEveryStringWidthEncodeAsAFreshPackerWould() throws Exception {
        MsgCodec codec = new MsgCodec();
        PayloadCodec values = new PayloadCodec();
        List<String> cids = List.of("c0ffee42", "x".repeat(31), "y".repeat(32), "z".repeat(255), "w".repeat(256), "v".repeat(70_000), "c0ffee42");
        for (int round = 0; round < 3; round++) {
            for (String cid : cids) {
                RawPayload pld = values.encode((long) round * 1000 + cid.length());
                assertArrayEquals(reference(cid, pld.bytes()), codec.encode(new Msg.Yield(cid, pld)), "cid of " + cid.length() + " chars");
                assertEquals(new Msg.Yield(cid, pld).cid(), ((Msg.Yield) codec.decode(codec.encode(new Msg.Yield(cid, pld)))).cid());
            }
        }
    }

    @Test
    void theFrameLimitAppliesToEachPayloadNotToAllPayloadsSoFar() {
        PayloadCodec small = new PayloadCodec(NO_EXT, CodecLimits.DEFAULT.withMaxFrameBytes(1024));
        String s = "p".repeat(100);
        for (int i = 0; i < 1_000; i++) assertEquals(s, small.decode(small.encode(s))); // 100 KB in all, 103 bytes each
        MsgEncodeException e = assertThrows(MsgEncodeException.class, () -> small.encode("q".repeat(2_000)));
        assertEquals(true, e.getMessage().contains("exceeds the frame limit of 1024"), e.getMessage());
        assertEquals(s, small.decode(small.encode(s)), "the codec still works after a refused payload");
    }

    @Test
    void anEncodeAfterAFailedOneStartsClean() throws Exception {
        PayloadCodec values = new PayloadCodec();
        byte[] before = values.encode(List.of(1L, "two")).bytes();
        assertThrows(MsgEncodeException.class, () -> values.encode(List.of(1L, new Object()))); // fails half-way through the list
        assertArrayEquals(before, values.encode(List.of(1L, "two")).bytes());
        MsgCodec codec = new MsgCodec();
        byte[] big = values.encode("b".repeat(200_000)).bytes(); // grows the output past what it keeps
        assertEquals(200_000, ((String) values.decode(((Msg.Yield) codec.decode(codec.encode(new Msg.Yield("c1", new RawPayload(big))))).pld())).length());
        RawPayload one = values.encode(1L);
        assertArrayEquals(reference("c1", one.bytes()), codec.encode(new Msg.Yield("c1", one)));
    }
}
