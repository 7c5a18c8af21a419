package tractor.runtime;

import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import tractor.Endpoint;
import tractor.MsgTypeError;
import tractor.PayloadSpec;

/** Checking payloads against a context's {@link PayloadSpec}. */
final class PayloadSpecs {
    private PayloadSpecs() {}

    /** The payload as a value and its type, for messages: {@code 10 (java.lang.Long)}. */
    private static String show(PayloadCodec codec, RawPayload raw) {
        try {
            Object v = codec.decode(raw);
            return v == null ? "null" : v + " (" + v.getClass().getName() + ")";
        } catch (RuntimeException e) {
            return raw.toString();
        }
    }

    /** The spec of {@code m}, or null. */
    static Class<?> of(Method m) {
        PayloadSpec s = m.getAnnotation(PayloadSpec.class);
        return s == null ? null : s.value();
    }

    /** The spec of the endpoint, looked up locally; null when it has none or is not loadable here. */
    static Class<?> of(Endpoint e, int argc) {
        try {
            Class<?> c = Class.forName(e.className(), false, PayloadSpecs.class.getClassLoader());
            for (Method m : c.getMethods()) {
                if (m.getName().equals(e.methodName()) && m.getParameterCount() == argc + Invoker.supplied(m)) return of(m);
            }
        } catch (ClassNotFoundException | LinkageError notHere) {
            // unchecked here: the peer checks
        }
        return null;
    }

    /**
     * Decodes {@code raw} as {@code spec} (a class, or a sealed interface of records).
     *
     * @throws MsgTypeError when it does not fit, naming the field and the types
     */
    static Object decode(PayloadCodec codec, RawPayload raw, Class<?> spec) {
        if (spec.isInterface() && spec.isSealed()) {
            List<String> misses = new ArrayList<>();
            for (Class<?> c : spec.getPermittedSubclasses()) {
                try {
                    return codec.decode(raw, c);
                } catch (MsgDecodeException e) {
                    misses.add(c.getSimpleName() + ": " + e.getMessage());
                }
            }
            throw new MsgTypeError("payload " + show(codec, raw) + " fits no " + spec.getName() + " variant: " + misses);
        }
        try {
            return codec.decode(raw.bytes(), 0, raw.length(), (Type) spec);
        } catch (MsgDecodeException e) {
            throw new MsgTypeError("payload " + show(codec, raw) + " does not fit the spec " + spec.getName() + ": " + e.getMessage(), e);
        }
    }
}
