package tractor.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Type;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The payload mapping: generic values, records, enums, collections, ext hooks, and refusals. */
class PayloadCodecTest {
    enum Color { RED, GREEN }

    record Point(int x, int y) {}

    record Shape(String name, Color color, List<Point> points, Map<String, Double> tags, byte[] blob,
                 Point origin, long[] ids) {}

    record Money(long cents) {}

    record Positive(int n) {
        Positive {
            if (n <= 0) {
                throw new IllegalArgumentException("n must be positive");
            }
        }
    }

    static final class Opaque {}

    private final PayloadCodec codec = new PayloadCodec();

    private String hex(Object v) {
        return HexFormat.of().formatHex(codec.encode(v).bytes());
    }

    @Test
    void scalarsEncodeToTheSmallestForms() {
        assertEquals("c0", hex(null));
        assertEquals("c3", hex(true));
        assertEquals("7f", hex(127));
        assertEquals("cc80", hex((short) 128));
        assertEquals("ff", hex((byte) -1));
        assertEquals("d3" + "8000000000000000", hex(Long.MIN_VALUE));
        assertEquals("cb3ff8000000000000", hex(1.5));
        assertEquals("ca3fc00000", hex(1.5f));
        assertEquals("a3616263", hex("abc"));
        assertEquals("c4020102", hex(new byte[] {1, 2}));
        assertEquals("a3524544", hex(Color.RED));
        assertEquals("82a17801a17902", hex(new Point(1, 2))); // {"x":1,"y":2}: component order
        assertEquals("93010203", hex(new int[] {1, 2, 3}));
        assertEquals("cfffffffffffffffff", hex(new BigInteger("18446744073709551615")));
    }

    @Test
    void genericDecoding() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("n", null);
        m.put("l", List.of(1L, -2L, 2.5, "s", true, List.of()));
        m.put("b", new byte[] {9});
        @SuppressWarnings("unchecked")
        Map<String, Object> back = (Map<String, Object>) codec.decode(codec.encode(m));
        assertEquals(List.of("n", "l", "b"), new ArrayList<>(back.keySet()));
        assertNull(back.get("n"));
        assertEquals(m.get("l"), back.get("l"));
        assertArrayEquals(new byte[] {9}, (byte[]) back.get("b"));
        assertEquals(1L, codec.decode(codec.encode(1)));
        assertEquals(new BigInteger("18446744073709551615"),
                codec.decode(codec.encode(new BigInteger("18446744073709551615"))));
        assertEquals(1.5, codec.decode(codec.encode(1.5f)));
    }

    @Test
    void recordsRoundTripByFieldName() {
        Shape s = new Shape("tri", Color.GREEN, List.of(new Point(0, 0), new Point(3, 4)), Map.of("w", 1.0),
                new byte[] {7}, null, new long[] {5, 6});
        Shape back = codec.decode(codec.encode(s), Shape.class);
        assertEquals(s.name(), back.name());
        assertEquals(s.color(), back.color());
        assertEquals(s.points(), back.points());
        assertEquals(s.tags(), back.tags());
        assertArrayEquals(s.blob(), back.blob());
        assertNull(back.origin());
        assertArrayEquals(s.ids(), back.ids());
        // field order on the wire does not matter: {"y":2,"x":1}
        assertEquals(new Point(1, 2), codec.decode(new RawPayload(HexFormat.of().parseHex("82a17902a17801")),
                Point.class));
    }

    @Test
    void recordErrorsNameTheField() {
        RawPayload missing = codec.encode(Map.of("x", 1));
        assertMessage("missing field 'y'", () -> codec.decode(missing, Point.class));
        RawPayload extra = codec.encode(Map.of("x", 1, "y", 2, "z", 3));
        assertMessage("unknown field 'z'", () -> codec.decode(extra, Point.class));
        RawPayload mistyped = codec.encode(Map.of("x", 1, "y", "two"));
        assertMessage("Point.y: expected int, got str", () -> codec.decode(mistyped, Point.class));
        RawPayload tooBig = codec.encode(Map.of("x", 1L << 40, "y", 2));
        assertMessage("does not fit int", () -> codec.decode(tooBig, Point.class));
        assertMessage("rejected the decoded values", () -> codec.decode(codec.encode(Map.of("n", 0)),
                Positive.class));
        assertMessage("'BLUE' is not a constant", () -> codec.decode(codec.encode("BLUE"), Color.class));
        assertMessage("expected int, got nil", () -> codec.decode(RawPayload.NIL, int.class));
    }

    @Test
    void genericTypes() throws NoSuchFieldException {
        Type listOfPoints = Holder.class.getDeclaredField("points").getGenericType();
        byte[] b = codec.encode(List.of(new Point(1, 2))).bytes();
        assertEquals(List.of(new Point(1, 2)), codec.decode(b, 0, b.length, listOfPoints));
        Type setOfColors = Holder.class.getDeclaredField("colors").getGenericType();
        byte[] c = codec.encode(List.of("RED", "RED", "GREEN")).bytes();
        assertEquals(Set.of(Color.RED, Color.GREEN), codec.decode(c, 0, c.length, setOfColors));
    }

    static final class Holder {
        List<Point> points;
        Set<Color> colors;
    }

    @Test
    void refusesTypesNobodyNamed() {
        assertMessage("cannot encode a " + Opaque.class.getName(), () -> codec.encode(new Opaque()));
        assertMessage("cannot decode into " + Opaque.class.getName(),
                () -> codec.decode(codec.encode(Map.of()), Opaque.class));
        assertMessage("cannot decode into java.lang.Thread", () -> codec.decode(codec.encode(Map.of()),
                Thread.class));
        // an ext value with no registered decoder
        RawPayload ext = new RawPayload(HexFormat.of().parseHex("d40501"));
        assertMessage("no extension type registered for ext code 5", () -> codec.decode(ext));
    }

    @Test
    void extensionHooks() {
        ExtRegistry reg = ExtRegistry.builder()
                .register(Money.class, 7, m -> ByteBuffer.allocate(8).putLong(m.cents()).array(),
                        b -> new Money(ByteBuffer.wrap(b).getLong()))
                .build();
        PayloadCodec ext = new PayloadCodec(reg, CodecLimits.DEFAULT);
        RawPayload raw = ext.encode(List.of(new Money(250)));
        assertEquals("91d707" + "00000000000000fa", HexFormat.of().formatHex(raw.bytes())); // fixext8, code 7
        assertEquals(List.of(new Money(250)), ext.decode(raw));
        assertEquals(new Money(250), ext.decode(ext.encode(new Money(250)), Money.class));
        assertMessage("expected Point, got ext", () -> ext.decode(ext.encode(new Money(1)), Point.class));
        RawPayload shortExt = new RawPayload(HexFormat.of().parseHex("d40701")); // fixext1: 1 byte, not 8
        assertMessage("ext decoder for code 7", () -> ext.decode(shortExt));
        assertThrows(IllegalArgumentException.class, () -> ExtRegistry.builder().register(Money.class, 7, m ->
                new byte[0], b -> null).register(Point.class, 7, p -> new byte[0], b -> null));
        assertThrows(IllegalArgumentException.class, () -> ExtRegistry.builder().register(Money.class, -1,
                m -> new byte[0], b -> null));
        assertTrue(reg.toString().contains("7=" + Money.class.getName()), reg.toString());
    }

    @Test
    void limits() {
        List<Object> cycle = new ArrayList<>();
        cycle.add(cycle);
        assertMessage("deeper than the limit", () -> codec.encode(cycle));
        PayloadCodec small = new PayloadCodec(ExtRegistry.EMPTY, new CodecLimits(16, 3));
        assertThrows(MsgEncodeException.class, () -> small.encode("x".repeat(20)));
        assertThrows(MsgDecodeException.class, () -> small.decode(codec.encode("x".repeat(20))));
        assertThrows(MsgDecodeException.class, () -> small.decode(codec.encode(List.of(List.of(List.of(List.of()))))));
        assertEquals(List.of(List.of(List.of())), small.decode(codec.encode(List.of(List.of(List.of())))));
    }

    @Test
    void rawPayloadPassesThroughBothWays() {
        RawPayload inner = codec.encode(Map.of("k", 1));
        RawPayload outer = codec.encode(List.of(inner, 2));
        assertEquals(List.of(Map.of("k", 1L), 2L), codec.decode(outer));
        assertEquals(inner, codec.decode(inner, RawPayload.class));
        assertThrows(IllegalArgumentException.class, () -> new RawPayload(new byte[0]));
        assertEquals(RawPayload.of(true), codec.encode(true));
    }

    private static void assertMessage(String part, org.junit.jupiter.api.function.Executable call) {
        Throwable t = assertThrows(RuntimeException.class, call);
        assertTrue(t instanceof MsgDecodeException || t instanceof MsgEncodeException, t.toString());
        assertTrue(t.getMessage().contains(part), "expected '" + part + "' in: " + t.getMessage());
    }
}
