package tractor.runtime;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.msgpack.value.ValueType;

/**
 * Decodes one msg map, driven by {@link MsgSchema}. Fields may come in any order; {@code msg_type} is
 * normally first (tractor and this codec write it first) and otherwise found by a pre-scan.
 *
 * <p>Unknown fields are skipped (bounds- and depth-checked but not interpreted), as msgspec does by default
 * ({@code forbid_unknown_fields=False}, which tractor's msg structs keep): a newer peer may add fields.
 * Missing fields take tractor's defaults; a missing required field, a duplicate key, a non-string key, a
 * wrong value type or an unknown {@code msg_type} is a {@link MsgValidationException}.
 */
final class MsgDecoder {
    private final WireReader r;
    private final PayloadDecoder generic;
    private final int maxDepth;

    MsgDecoder(WireReader r, PayloadDecoder generic, int maxDepth) {
        this.r = r;
        this.generic = generic;
        this.maxDepth = maxDepth;
    }

    /** Reads one msg map at {@code depth}. @throws MsgDecodeException if it is malformed or invalid */
    Msg msg(int depth) throws IOException {
        if (depth == 1 && r.offset() == 0) {
            Msg.Yield y = plainYield();
            if (y != null) return y;
        }
        ValueType t = r.nextType();
        if (t != ValueType.MAP) {
            throw r.invalid("expected a msg (a msgpack map), got " + describe(t));
        }
        int n = r.mapHeader();
        r.checkDepth(depth, maxDepth);
        long entries = r.offset();
        MsgSchema.Type type = findType(n, depth);
        r.seek(entries);
        return fields(type, n, depth);
    }

    /** How tractor, msgspec and this codec all write a {@code Yield}: its three fields in order, the tag first. */
    private static final byte[] YIELD_HEAD = yieldHead();
    private static final byte[] PLD = MsgEncoder.fixstr("pld");

    private static byte[] yieldHead() {
        java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
        b.write(0x83); // a map of 3
        b.writeBytes(MsgEncoder.fixstr(MsgSchema.TAG));
        b.writeBytes(MsgEncoder.fixstr("Yield"));
        b.writeBytes(MsgEncoder.fixstr("cid"));
        return b.toByteArray();
    }

    /**
     * The stream's hot path: a whole top-level msg of exactly {@link #YIELD_HEAD}, a string cid, {@code "pld"}
     * and the payload is that {@code Yield}, without the generic key lookups; anything else (other order, more
     * fields, a non-string cid) reads nothing and returns null for the generic decoding, which reports errors.
     */
    private Msg.Yield plainYield() throws IOException {
        if (!r.take(YIELD_HEAD)) return null;
        if (r.remaining() > 0 && r.nextType() == ValueType.STRING) {
            String cid = r.name();
            if (r.take(PLD) && r.remaining() > 0) return new Msg.Yield(cid, r.raw(2, maxDepth));
        }
        r.seek(0);
        return null;
    }

    private MsgSchema.Type findType(int n, int depth) throws IOException {
        for (int i = 0; i < n; i++) {
            String key = key(null);
            if (key.equals(MsgSchema.TAG)) {
                return tag();
            }
            r.skip(depth + 1, maxDepth);
        }
        throw r.invalid("msg map has no '" + MsgSchema.TAG + "' key");
    }

    private MsgSchema.Type tag() throws IOException {
        long at = r.offset();
        String tag = str(MsgSchema.TAG);
        MsgSchema.Type type = MsgSchema.type(tag);
        if (type == null) {
            throw new MsgValidationException("unknown msg_type '" + tag + "' (known: " + MsgSchema.tags() + ")", at);
        }
        return type;
    }

    private Msg fields(MsgSchema.Type type, int n, int depth) throws IOException {
        MsgSchema.Field[] defs = type.fields();
        Object[] slots = new Object[defs.length];
        boolean[] seen = new boolean[defs.length + 1]; // last slot: msg_type
        for (int i = 0; i < n; i++) {
            String key = key(type);
            int idx = key.equals(MsgSchema.TAG) ? defs.length : type.indexOf(key);
            if (idx < 0) {
                r.skip(depth + 1, maxDepth); // unknown field: tolerated, like msgspec
                continue;
            }
            if (seen[idx]) {
                throw r.invalid("duplicate key '" + key + "' in " + type.name());
            }
            seen[idx] = true;
            if (idx == defs.length) {
                r.skip(depth + 1, maxDepth); // the tag, already read
            } else {
                slots[idx] = value(type, defs[idx], depth + 1);
            }
        }
        return build(type, slots, seen);
    }

    private Msg build(MsgSchema.Type type, Object[] slots, boolean[] seen) {
        MsgSchema.Field[] defs = type.fields();
        for (int i = 0; i < defs.length; i++) {
            if (!seen[i]) {
                if (defs[i].required()) {
                    throw r.invalid("missing required field '" + defs[i].wire() + "' in " + type.name());
                }
                slots[i] = defs[i].dflt();
            }
        }
        return type.make().apply(slots);
    }

    private String key(MsgSchema.Type type) throws IOException {
        ValueType t = r.nextType();
        if (t != ValueType.STRING) {
            throw r.invalid("msg keys must be strings, got " + describe(t)
                    + (type == null ? "" : " in " + type.name()));
        }
        return r.name();
    }

    private Object value(MsgSchema.Type type, MsgSchema.Field f, int depth) throws IOException {
        String where = f.where();
        return switch (f.kind()) {
            case STR -> str(where);
            case OPT_STR -> nil() ? null : str(where);
            case OPT_INT -> nil() ? null : integer(where);
            case BOOL -> bool(where);
            case OPT_BOOL -> nil() ? null : bool(where);
            case MAP -> map(where, depth);
            case OPT_MAP -> nil() ? null : map(where, depth);
            case STR_MAP -> strMap(where, depth);
            case RAW -> r.raw(depth, maxDepth);
            case RAW_MAP -> expect(ValueType.MAP, where) == null ? null : r.raw(depth, maxDepth);
            case UID -> uid(where, depth);
            case OPT_UID -> nil() ? null : uid(where, depth);
            case UID_LIST -> uids(where, depth);
            case ADDRS -> addrs(where, depth);
            case OPT_ADDRS -> nil() ? null : addrs(where, depth);
            case OPT_BAD_MSG -> nil() ? null : badMsg(where, depth);
        };
    }

    private boolean nil() throws IOException {
        return r.nextType() == ValueType.NIL && r.unpacker().tryUnpackNil();
    }

    private ValueType expect(ValueType want, String where) throws IOException {
        ValueType t = r.nextType();
        if (t != want) {
            throw r.invalid(where + ": expected " + describe(want) + ", got " + describe(t));
        }
        return t;
    }

    private String str(String where) throws IOException {
        expect(ValueType.STRING, where);
        return r.name();
    }

    private Long integer(String where) throws IOException {
        expect(ValueType.INTEGER, where);
        return r.unpacker().unpackLong();
    }

    private Boolean bool(String where) throws IOException {
        expect(ValueType.BOOLEAN, where);
        return r.unpacker().unpackBoolean();
    }

    private Map<String, Object> map(String where, int depth) throws IOException {
        expect(ValueType.MAP, where);
        return generic.stringMap(depth, where);
    }

    private Map<String, String> strMap(String where, int depth) throws IOException {
        expect(ValueType.MAP, where);
        int n = r.mapHeader();
        r.checkDepth(depth, maxDepth);
        Map<String, String> m = LinkedHashMap.newLinkedHashMap(n);
        for (int i = 0; i < n; i++) {
            m.put(str(where), str(where));
        }
        return m;
    }

    private Uid uid(String where, int depth) throws IOException {
        expect(ValueType.ARRAY, where);
        int n = r.arrayHeader();
        r.checkDepth(depth, maxDepth);
        if (n != 2) {
            throw r.invalid(where + ": expected a [name, uuid] pair, got an array of " + n);
        }
        return new Uid(str(where), str(where));
    }

    private List<Uid> uids(String where, int depth) throws IOException {
        expect(ValueType.ARRAY, where);
        int n = r.arrayHeader();
        r.checkDepth(depth, maxDepth);
        List<Uid> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            list.add(uid(where, depth + 1));
        }
        return list;
    }

    private List<List<Object>> addrs(String where, int depth) throws IOException {
        expect(ValueType.ARRAY, where);
        int n = r.arrayHeader();
        r.checkDepth(depth, maxDepth);
        List<List<Object>> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            list.add(addr(where, depth + 1));
        }
        return list;
    }

    private List<Object> addr(String where, int depth) throws IOException {
        expect(ValueType.ARRAY, where);
        int n = r.arrayHeader();
        r.checkDepth(depth, maxDepth);
        if (n != 2) {
            throw r.invalid(where + ": expected an address [str, str|int], got an array of " + n);
        }
        String host = str(where);
        ValueType t = r.nextType();
        Object port = switch (t) {
            case STRING -> r.string();
            case INTEGER -> r.unpacker().unpackLong();
            default -> throw r.invalid(where + ": expected str or int, got " + describe(t));
        };
        return List.of(host, port);
    }

    private Msg.PayloadMsg badMsg(String where, int depth) throws IOException {
        long at = r.offset();
        Msg m = msg(depth);
        if (m instanceof Msg.PayloadMsg p) {
            return p;
        }
        throw new MsgValidationException(where + ": expected Started|Yield|Return, got " + m.msgType(), at);
    }

    /** {@return a msgpack value type in msgspec's words} */
    static String describe(ValueType t) {
        return switch (t) {
            case NIL -> "nil";
            case BOOLEAN -> "bool";
            case INTEGER -> "int";
            case FLOAT -> "float";
            case STRING -> "str";
            case BINARY -> "bin";
            case ARRAY -> "array";
            case MAP -> "map";
            case EXTENSION -> "ext";
        };
    }

    @Override
    public String toString() {
        return "MsgDecoder[" + r + ", maxDepth=" + maxDepth + "]";
    }
}
