package tractor.runtime;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The wire layout of every {@link Msg} type: wire key, value kind, and default, in tractor's declaration
 * order, plus how to build the record from decoded slots. The decoder is driven by these tables; the
 * encoder ({@link MsgEncoder}) writes the same order by hand to stay allocation-free.
 */
final class MsgSchema {
    /** How a field's value is read. {@code OPT_} kinds also accept nil. */
    enum Kind { STR, OPT_STR, OPT_INT, BOOL, OPT_BOOL, MAP, OPT_MAP, STR_MAP, RAW, RAW_MAP, UID, OPT_UID,
        UID_LIST, ADDRS, OPT_ADDRS, OPT_BAD_MSG }

    /** Marks a field without a default: it must be on the wire. */
    static final Object REQUIRED = new Object() {
        @Override
        public String toString() {
            return "REQUIRED";
        }
    };

    /** One field: its wire key, kind, default ({@link #REQUIRED} if none) and "Type.key" for messages. */
    record Field(String wire, Kind kind, Object dflt, String where) {
        boolean required() {
            return dflt == REQUIRED;
        }
    }

    /** One msg type: its tag, fields in wire order, and a constructor from slots in that order. */
    record Type(String name, Field[] fields, Function<Object[], Msg> make) {
        Type {
            Field[] named = new Field[fields.length];
            for (int i = 0; i < fields.length; i++) {
                named[i] = new Field(fields[i].wire, fields[i].kind, fields[i].dflt, name + "." + fields[i].wire);
            }
            fields = named;
        }

        int indexOf(String wire) {
            for (int i = 0; i < fields.length; i++) {
                if (fields[i].wire.equals(wire)) {
                    return i;
                }
            }
            return -1;
        }

        @Override
        public String toString() {
            return "MsgSchema.Type[" + name + "]";
        }
    }

    static final String TAG = "msg_type";

    private static Field req(String wire, Kind kind) {
        return new Field(wire, kind, REQUIRED, wire);
    }

    private static Field opt(String wire, Kind kind, Object dflt) {
        return new Field(wire, kind, dflt, wire);
    }

    private static final Map<String, Type> TYPES = Map.of(
            "Aid", new Type("Aid", new Field[] {req("name", Kind.STR), req("uuid", Kind.STR),
                opt("pid", Kind.OPT_INT, null), opt("is_registrar", Kind.OPT_BOOL, null),
                opt("is_probe", Kind.BOOL, false)}, MsgSchema::aid),
            "SpawnSpec", new Type("SpawnSpec", new Field[] {req("_parent_main_data", Kind.MAP),
                req("_runtime_vars", Kind.MAP), req("enable_modules", Kind.STR_MAP), req("reg_addrs", Kind.ADDRS),
                opt("bind_addrs", Kind.OPT_ADDRS, null)}, MsgSchema::spawnSpec),
            "Start", new Type("Start", new Field[] {req("cid", Kind.STR), req("ns", Kind.STR), req("func", Kind.STR),
                req("kwargs", Kind.RAW_MAP), req("uid", Kind.UID), opt("pld_spec", Kind.STR, Msg.Start.ANY_SPEC)},
                s -> new Msg.Start((String) s[0], (String) s[1], (String) s[2], (RawPayload) s[3], (Uid) s[4],
                        (String) s[5])),
            "StartAck", new Type("StartAck", new Field[] {req("cid", Kind.STR), req("functype", Kind.STR)},
                s -> new Msg.StartAck((String) s[0], (String) s[1])),
            "Started", new Type("Started", cidPld(), s -> new Msg.Started((String) s[0], (RawPayload) s[1])),
            "Yield", new Type("Yield", cidPld(), s -> new Msg.Yield((String) s[0], (RawPayload) s[1])),
            "Stop", new Type("Stop", new Field[] {req("cid", Kind.STR)}, s -> new Msg.Stop((String) s[0])),
            "Return", new Type("Return", cidPld(), s -> new Msg.Return((String) s[0], (RawPayload) s[1])),
            "CancelAck", new Type("CancelAck", new Field[] {req("cid", Kind.STR), req("pld", Kind.BOOL)},
                s -> new Msg.CancelAck((String) s[0], (Boolean) s[1])),
            "Error", new Type("Error", new Field[] {req("src_uid", Kind.UID), req("src_type_str", Kind.STR),
                req("boxed_type_str", Kind.STR), req("relay_path", Kind.UID_LIST), opt("message", Kind.OPT_STR, null),
                opt("tb_str", Kind.STR, ""), opt("canceller", Kind.OPT_UID, null), opt("sender", Kind.OPT_UID, null),
                opt("cid", Kind.OPT_STR, null), opt("_bad_msg", Kind.OPT_BAD_MSG, null),
                opt("_bad_msg_as_dict", Kind.OPT_MAP, null)}, MsgSchema::error));

    private MsgSchema() {}

    private static Field[] cidPld() {
        return new Field[] {req("cid", Kind.STR), req("pld", Kind.RAW)};
    }

    /** {@return the type with this tag, or null} */
    static Type type(String tag) {
        return TYPES.get(tag);
    }

    /** {@return every tag, for error messages} */
    static List<String> tags() {
        return List.of("Aid", "SpawnSpec", "Start", "StartAck", "Started", "Yield", "Stop", "Return", "CancelAck",
                "Error");
    }

    private static Msg aid(Object[] s) {
        return new Msg.Aid((String) s[0], (String) s[1], (Long) s[2], (Boolean) s[3], (Boolean) s[4]);
    }

    @SuppressWarnings("unchecked")
    private static Msg spawnSpec(Object[] s) {
        return new Msg.SpawnSpec((Map<String, Object>) s[0], (Map<String, Object>) s[1], (Map<String, String>) s[2],
                (List<List<Object>>) s[3], (List<List<Object>>) s[4]);
    }

    @SuppressWarnings("unchecked")
    private static Msg error(Object[] s) {
        return new Msg.Error((Uid) s[0], (String) s[1], (String) s[2], (List<Uid>) s[3], (String) s[4],
                (String) s[5], (Uid) s[6], (Uid) s[7], (String) s[8], (Msg.PayloadMsg) s[9],
                (Map<String, Object>) s[10]);
    }
}
