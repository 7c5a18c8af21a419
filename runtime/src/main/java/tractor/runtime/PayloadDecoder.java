package tractor.runtime;

import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.msgpack.core.ExtensionTypeHeader;
import org.msgpack.core.MessageFormat;
import org.msgpack.value.ValueType;

/**
 * The generic msgpack → Java mapping: nil → null, bool → Boolean, int → Long (a uint64 above
 * {@code Long.MAX_VALUE} → BigInteger), float → Double, str → String, bin → byte[], array → List,
 * map → Map (insertion-ordered), ext → the registered decoder's value. Lists and maps are fresh and
 * mutable. {@link TypedDecoder} builds on it for a requested type. Not thread-safe.
 */
class PayloadDecoder {
    final WireReader r;
    final ExtRegistry ext;
    final int maxDepth;

    PayloadDecoder(WireReader r, ExtRegistry ext, int maxDepth) {
        this.r = r;
        this.ext = ext;
        this.maxDepth = maxDepth;
    }

    /** Reads one value at {@code depth}. @throws MsgDecodeException if malformed, too deep or unknown ext */
    Object generic(int depth) throws IOException {
        MessageFormat f = r.next();
        return switch (f.getValueType()) {
            case NIL -> nil();
            case BOOLEAN -> r.unpacker().unpackBoolean();
            case INTEGER -> f == MessageFormat.UINT64 ? uint64() : (Object) r.unpacker().unpackLong();
            case FLOAT -> r.unpacker().unpackDouble();
            case STRING -> r.string();
            case BINARY -> r.binary();
            case ARRAY -> list(depth);
            case MAP -> map(depth);
            case EXTENSION -> ext(null);
        };
    }

    private Object nil() throws IOException {
        r.unpacker().unpackNil();
        return null;
    }

    private Object uint64() throws IOException {
        BigInteger b = r.unpacker().unpackBigInteger();
        return b.bitLength() < 64 ? (Object) b.longValue() : b;
    }

    private List<Object> list(int depth) throws IOException {
        int n = r.arrayHeader();
        r.checkDepth(depth, maxDepth);
        List<Object> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            list.add(generic(depth + 1));
        }
        return list;
    }

    private Map<Object, Object> map(int depth) throws IOException {
        int n = r.mapHeader();
        r.checkDepth(depth, maxDepth);
        Map<Object, Object> m = LinkedHashMap.newLinkedHashMap(n);
        for (int i = 0; i < n; i++) {
            Object k = generic(depth + 1);
            m.put(k, generic(depth + 1));
        }
        return m;
    }

    /**
     * Reads a map whose keys must be strings, values generic (a Python {@code dict[str, Any]}).
     *
     * @throws MsgDecodeException if malformed; {@link MsgValidationException} if a key is not a string
     */
    Map<String, Object> stringMap(int depth, String where) throws IOException {
        int n = r.mapHeader();
        r.checkDepth(depth, maxDepth);
        Map<String, Object> m = LinkedHashMap.newLinkedHashMap(n);
        for (int i = 0; i < n; i++) {
            ValueType t = r.nextType();
            if (t != ValueType.STRING) {
                throw r.invalid(where + ": expected str keys, got " + MsgDecoder.describe(t));
            }
            String k = r.string();
            m.put(k, generic(depth + 1));
        }
        return m;
    }

    /**
     * Reads an ext value through its registered decoder; if {@code want} is not null the result must be one.
     *
     * @throws MsgDecodeException if the payload is truncated; {@link MsgValidationException} if no decoder is
     *                            registered for the code, the decoder fails, or the result is not a {@code want}
     */
    Object ext(Class<?> want) throws IOException {
        long at = r.offset();
        ExtensionTypeHeader h = r.extHeader();
        ExtRegistry.Entry<?> e = ext.forCode(h.getType());
        byte[] data = r.payload(h.getLength());
        if (e == null) {
            throw new MsgValidationException("no extension type registered for ext code " + h.getType()
                    + " (registered: " + ext + ")", at);
        }
        Object v = decodeExt(e, data, at);
        if (want != null && !want.isInstance(v)) {
            throw new MsgValidationException("expected " + want.getName() + ", got ext code " + h.getType()
                    + " (" + e.type().getName() + ")", at);
        }
        return v;
    }

    private static Object decodeExt(ExtRegistry.Entry<?> e, byte[] data, long at) {
        try {
            return e.decoder().apply(data);
        } catch (RuntimeException ex) {
            throw new MsgValidationException("ext decoder for code " + e.code() + " (" + e.type().getName()
                    + ") failed: " + ex, at);
        }
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + ext + ", maxDepth=" + maxDepth + "]";
    }
}
