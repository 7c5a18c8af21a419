package tractor.runtime;

import java.io.IOException;
import java.lang.reflect.Array;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Map;
import org.msgpack.core.MessagePacker;

/**
 * The Java → msgpack mapping: null → nil, Boolean, Long/Integer/Short/Byte → int (smallest encoding),
 * BigInteger in the int64/uint64 range → int, Double → float64, Float → float32, String/Character → str,
 * byte[] → bin, {@link RawPayload} → its bytes verbatim, registered ext types (exact class) → ext,
 * enums → their name, records → a map of component name → value in declaration order, Map → map,
 * Collection and arrays → array. Anything else is a {@link MsgEncodeException}. Not thread-safe.
 */
final class PayloadEncoder {
    private final MessagePacker p;
    private final ExtRegistry ext;
    private final int maxDepth;

    PayloadEncoder(MessagePacker p, ExtRegistry ext, int maxDepth) {
        this.p = p;
        this.ext = ext;
        this.maxDepth = maxDepth;
    }

    /** Writes {@code v} at nesting {@code depth}. @throws MsgEncodeException if it cannot be encoded */
    void write(Object v, int depth) throws IOException {
        // an instanceof chain, not a pattern switch: see MsgEncoder.write
        if (v == null) p.packNil();
        else if (v instanceof String s) p.packString(s);
        else if (v instanceof Long l) p.packLong(l);
        else if (v instanceof Integer i) p.packLong(i);
        else if (v instanceof Boolean b) p.packBoolean(b);
        else if (v instanceof Double d) p.packDouble(d);
        else if (v instanceof RawPayload raw) p.writePayload(raw.bytes());
        else if (v instanceof Float f) p.packFloat(f);
        else if (v instanceof Short s) p.packLong(s);
        else if (v instanceof Byte b) p.packLong(b);
        else if (v instanceof Character c) p.packString(c.toString());
        else if (v instanceof BigInteger b) bigInteger(b);
        else if (v instanceof byte[] bytes) p.packBinaryHeader(bytes.length).writePayload(bytes);
        else structured(v, depth);
    }

    private void bigInteger(BigInteger b) throws IOException {
        if (b.bitLength() > 64 || (b.signum() < 0 && b.bitLength() > 63)) {
            throw new MsgEncodeException("integer " + b + " does not fit msgpack's int64/uint64 range");
        }
        p.packBigInteger(b);
    }

    private void structured(Object v, int depth) throws IOException {
        ExtRegistry.Entry<?> e = ext.forType(v.getClass());
        if (e != null) {
            extension(e, v);
            return;
        }
        if (v instanceof Enum<?> en) p.packString(en.name());
        else if (v instanceof Record rec) record(rec, depth);
        else if (v instanceof Map<?, ?> m) map(m, depth);
        else if (v instanceof Collection<?> c) collection(c, depth);
        else other(v, depth);
    }

    private void other(Object v, int depth) throws IOException {
        if (v.getClass().isArray()) {
            array(v, depth);
            return;
        }
        throw new MsgEncodeException("cannot encode a " + v.getClass().getName() + ": not a supported type, "
                + "record, enum, or registered extension type (register it in an ExtRegistry)");
    }

    private void extension(ExtRegistry.Entry<?> e, Object v) throws IOException {
        byte[] data;
        try {
            data = e.encode(v);
        } catch (RuntimeException ex) {
            throw new MsgEncodeException("ext encoder for " + e.type().getName() + " failed: " + ex, ex);
        }
        if (data == null) {
            throw new MsgEncodeException("ext encoder for " + e.type().getName() + " returned null");
        }
        p.packExtensionTypeHeader(e.code(), data.length).writePayload(data);
    }

    private void enter(int depth) {
        if (depth > maxDepth) {
            throw new MsgEncodeException("value nests deeper than the limit of " + maxDepth
                    + " (a cycle?)");
        }
    }

    private void record(Record rec, int depth) throws IOException {
        enter(depth);
        RecordShape shape = RecordShape.of(rec.getClass());
        p.packMapHeader(shape.names.length);
        for (int i = 0; i < shape.names.length; i++) {
            p.packString(shape.names[i]);
            write(shape.get(rec, i), depth + 1);
        }
    }

    private void map(Map<?, ?> m, int depth) throws IOException {
        enter(depth);
        p.packMapHeader(m.size());
        for (Map.Entry<?, ?> e : m.entrySet()) {
            write(e.getKey(), depth + 1);
            write(e.getValue(), depth + 1);
        }
    }

    private void collection(Collection<?> c, int depth) throws IOException {
        enter(depth);
        p.packArrayHeader(c.size());
        for (Object o : c) {
            write(o, depth + 1);
        }
    }

    private void array(Object arr, int depth) throws IOException {
        enter(depth);
        int n = Array.getLength(arr);
        p.packArrayHeader(n);
        for (int i = 0; i < n; i++) {
            write(Array.get(arr, i), depth + 1);
        }
    }

    @Override
    public String toString() {
        return "PayloadEncoder[" + ext + ", maxDepth=" + maxDepth + "]";
    }
}
