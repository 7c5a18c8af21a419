package tractor.runtime;

import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A call's arguments on the wire. tractor sends keyword arguments ({@code Start.kwargs}, a map); Java
 * calls are positional, so the map holds one entry, {@code "args"}: the list of arguments in order.
 * Each argument is decoded into the declared type of the parameter it is for.
 */
final class Args {
    private Args() {}

    private static final String KEY = "args";
    /** Present (true) when the caller opens a one-way stream ({@code openStreamFrom}) rather than a call. */
    private static final String STREAM = "stream";
    @SuppressWarnings("unused")
    private static Map<String, RawPayload> shape;
    @SuppressWarnings("unused")
    private static List<RawPayload> list;
    private static final Type SHAPE = fieldType("shape");
    private static final Type LIST = fieldType("list");

    private static Type fieldType(String name) {
        try {
            return Args.class.getDeclaredField(name).getGenericType();
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The decoded kwargs of a {@code Start}: the raw arguments, and whether a one-way stream is asked for. */
    record Call(List<RawPayload> args, boolean stream) {}

    static RawPayload encode(PayloadCodec codec, Object[] args) {
        return codec.encode(Map.of(KEY, Arrays.asList(args)));
    }

    static RawPayload encodeStream(PayloadCodec codec, Object[] args) {
        return codec.encode(Map.of(KEY, Arrays.asList(args), STREAM, true));
    }

    static Call read(PayloadCodec codec, RawPayload kwargs) {
        @SuppressWarnings("unchecked")
        Map<String, RawPayload> m = (Map<String, RawPayload>) codec.decode(kwargs.bytes(), 0, kwargs.length(), SHAPE);
        RawPayload a = m.get(KEY);
        if (a == null && !m.isEmpty()) {
            throw new IllegalArgumentException("call arguments must come as {\"args\": [...]}, got keys " + m.keySet());
        }
        @SuppressWarnings("unchecked")
        List<RawPayload> args = a == null ? List.of() : (List<RawPayload>) codec.decode(a.bytes(), 0, a.length(), LIST);
        RawPayload st = m.get(STREAM);
        return new Call(args, st != null && Boolean.TRUE.equals(codec.decode(st)));
    }

    /** The raw arguments in {@code kwargs}. */
    static List<RawPayload> split(PayloadCodec codec, RawPayload kwargs) {
        return read(codec, kwargs).args();
    }

    /**
     * Decodes each argument into the declared type of its parameter.
     *
     * @throws IllegalArgumentException naming the parameter when an argument does not fit
     */
    static Object[] decode(PayloadCodec codec, List<RawPayload> raw, Method m) {
        return decode(codec, raw, m, 0);
    }

    /** Like {@link #decode(PayloadCodec, List, Method)} for the parameters after the first {@code skip}. */
    static Object[] decode(PayloadCodec codec, List<RawPayload> raw, Method m, int skip) {
        Type[] all = m.getGenericParameterTypes();
        Type[] types = java.util.Arrays.copyOfRange(all, skip, all.length);
        Object[] out = new Object[raw.size()];
        for (int i = 0; i < out.length; i++) {
            RawPayload r = raw.get(i);
            try {
                out[i] = codec.decode(r.bytes(), 0, r.length(), types[i]);
            } catch (MsgDecodeException e) {
                throw new IllegalArgumentException("argument " + i + " of " + m.getDeclaringClass().getName() + "#" + m.getName()
                        + " does not fit " + types[i].getTypeName() + ": " + e.getMessage(), e);
            }
            if (out[i] == null && m.getParameterTypes()[i + skip].isPrimitive()) {
                throw new IllegalArgumentException("argument " + i + " of " + m.getDeclaringClass().getName() + "#" + m.getName()
                        + " is null but the parameter is a " + types[i].getTypeName());
            }
        }
        return out;
    }
}
