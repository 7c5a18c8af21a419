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
    @SuppressWarnings("unused")
    private static Map<String, List<RawPayload>> shape;
    private static final Type SHAPE = shapeType();

    private static Type shapeType() {
        try {
            return Args.class.getDeclaredField("shape").getGenericType();
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException(e);
        }
    }

    static RawPayload encode(PayloadCodec codec, Object[] args) {
        return codec.encode(Map.of(KEY, Arrays.asList(args)));
    }

    /** The number of arguments in {@code kwargs}. */
    static List<RawPayload> split(PayloadCodec codec, RawPayload kwargs) {
        @SuppressWarnings("unchecked")
        Map<String, List<RawPayload>> m = (Map<String, List<RawPayload>>) codec.decode(kwargs.bytes(), 0, kwargs.length(), SHAPE);
        List<RawPayload> args = m.get(KEY);
        if (args == null && !m.isEmpty()) {
            throw new IllegalArgumentException("call arguments must come as {\"args\": [...]}, got keys " + m.keySet());
        }
        return args == null ? List.of() : args;
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
