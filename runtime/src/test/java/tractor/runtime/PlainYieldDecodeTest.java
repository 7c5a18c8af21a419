package tractor.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.msgpack.core.MessageBufferPacker;
import org.msgpack.core.MessagePack;

/**
 * A {@code Yield} in the usual field order takes the decoder's short path; every other shape, and every broken
 * one, must decode (or fail) exactly as the generic path decides.
 */
class PlainYieldDecodeTest {
    private final MsgCodec codec = new MsgCodec();

    private interface Fields {
        void write(MessageBufferPacker p) throws Exception;
    }

    private static byte[] map(int n, Fields f) throws Exception {
        try (MessageBufferPacker p = MessagePack.newDefaultBufferPacker()) {
            p.packMapHeader(n);
            f.write(p);
            return p.toByteArray();
        }
    }

    @Test
    void theUsualOrderAndAnyOtherOrderDecodeToTheSameYield() throws Exception {
        byte[] usual = map(3, p -> p.packString("msg_type").packString("Yield").packString("cid").packString("c1").packString("pld").packArrayHeader(2).packLong(7).packString("x"));
        byte[] shuffled = map(3, p -> p.packString("pld").packArrayHeader(2).packLong(7).packString("x").packString("cid").packString("c1").packString("msg_type").packString("Yield"));
        byte[] extra = map(4, p -> p.packString("msg_type").packString("Yield").packString("cid").packString("c1").packString("pld").packArrayHeader(2).packLong(7).packString("x").packString("later").packNil());
        Msg.Yield a = assertInstanceOf(Msg.Yield.class, codec.decode(usual));
        for (byte[] other : new byte[][] {shuffled, extra}) {
            Msg.Yield b = assertInstanceOf(Msg.Yield.class, codec.decode(other));
            assertEquals(a.cid(), b.cid());
            assertArrayEquals(a.pld().bytes(), b.pld().bytes());
        }
        assertArrayEquals(usual, codec.encode(a), "what we write is the usual order");
    }

    @Test
    void brokenYieldsFailAsTheGenericPathFailsThem() throws Exception {
        byte[] good = map(3, p -> p.packString("msg_type").packString("Yield").packString("cid").packString("c1").packString("pld").packArrayHeader(1).packLong(7));
        assertThrows(MsgDecodeException.class, () -> codec.decode(Arrays.copyOf(good, good.length - 1)), "payload cut short");
        assertThrows(MsgDecodeException.class, () -> codec.decode(Arrays.copyOf(good, good.length - 2)), "payload missing");
        byte[] trailing = Arrays.copyOf(good, good.length + 1);
        assertThrows(MsgDecodeException.class, () -> codec.decode(trailing), "a byte after the msg");
        byte[] intCid = map(3, p -> p.packString("msg_type").packString("Yield").packString("cid").packLong(1).packString("pld").packNil());
        assertThrows(MsgDecodeException.class, () -> codec.decode(intCid), "a cid that is no string");
        byte[] noPld = map(3, p -> p.packString("msg_type").packString("Yield").packString("cid").packString("c1").packString("pl_").packNil());
        assertThrows(MsgDecodeException.class, () -> codec.decode(noPld), "pld missing, an unknown key instead");
        MsgCodec shallow = new MsgCodec(CodecLimits.DEFAULT.withMaxDepth(3), ExtRegistry.EMPTY);
        byte[] deep = map(3, p -> p.packString("msg_type").packString("Yield").packString("cid").packString("c1").packString("pld").packArrayHeader(1).packArrayHeader(1).packArrayHeader(1).packNil());
        assertThrows(MsgDecodeException.class, () -> shallow.decode(deep), "a payload deeper than the limit");
        assertEquals("c1", ((Msg.Yield) codec.decode(good)).cid(), "the codec still decodes after the failures");
    }
}
