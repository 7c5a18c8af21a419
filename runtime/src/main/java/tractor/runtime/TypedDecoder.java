package tractor.runtime;

import java.io.IOException;
import java.lang.reflect.Array;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.msgpack.value.ValueType;

/**
 * Decodes a payload into a type the caller names: primitives and their boxes, String, byte[], enums (by
 * constant name), records (a map of component name → value; missing, unknown or duplicate fields are
 * errors), {@code List/Collection/Set<E>}, {@code Map<K,V>}, arrays, registered ext types, {@code Object}
 * (generic mapping) and {@link RawPayload} (left undecoded). Any other class is refused: only classes
 * reachable from the requested type or the registry are ever instantiated. Not thread-safe.
 */
final class TypedDecoder extends PayloadDecoder {

    TypedDecoder(WireReader r, ExtRegistry ext, int maxDepth) {
        super(r, ext, maxDepth);
    }

    /** Reads one value as {@code type}. @throws MsgDecodeException if malformed or not a {@code type} */
    Object typed(Type type, int depth) throws IOException {
        // an instanceof chain, not a pattern switch: see MsgEncoder.write
        if (type instanceof Class<?> c) return ofClass(c, depth);
        if (type instanceof ParameterizedType p) return parameterized(p, depth);
        if (type instanceof GenericArrayType g) return array(g.getGenericComponentType(), depth);
        if (type instanceof WildcardType w) return typed(w.getUpperBounds()[0], depth);
        if (type instanceof TypeVariable<?> v) return typed(v.getBounds()[0], depth);
        throw r.invalid("cannot decode into " + type.getTypeName());
    }

    private Object ofClass(Class<?> c, int depth) throws IOException {
        if (c == Object.class) {
            return generic(depth);
        }
        if (c == RawPayload.class) {
            return r.raw(depth, maxDepth);
        }
        ValueType t = r.nextType();
        if (t == ValueType.NIL) {
            return nilFor(c);
        }
        if (t == ValueType.EXTENSION && ext.forType(c) != null) {
            return ext(c);
        }
        return nonNil(c, t, depth);
    }

    private Object nilFor(Class<?> c) throws IOException {
        if (c.isPrimitive()) {
            throw mismatch(c, ValueType.NIL);
        }
        r.unpacker().unpackNil();
        return null;
    }

    private Object nonNil(Class<?> c, ValueType t, int depth) throws IOException {
        if (c == String.class || c == CharSequence.class) {
            return t == ValueType.STRING ? r.string() : fail(c, t);
        }
        if (c == long.class || c == Long.class || c == int.class || c == Integer.class || c == short.class
                || c == Short.class || c == byte.class || c == Byte.class) {
            return t == ValueType.INTEGER ? Scalars.integer(r, c) : fail(c, t);
        }
        if (c == double.class || c == Double.class || c == float.class || c == Float.class) {
            return t == ValueType.FLOAT || t == ValueType.INTEGER ? Scalars.floating(r, c, t) : fail(c, t);
        }
        if (c == boolean.class || c == Boolean.class) {
            return t == ValueType.BOOLEAN ? (Object) r.unpacker().unpackBoolean() : fail(c, t);
        }
        if (c == byte[].class) {
            return t == ValueType.BINARY ? r.binary() : fail(c, t);
        }
        return structured(c, t, depth);
    }

    private Object structured(Class<?> c, ValueType t, int depth) throws IOException {
        if (c.isEnum()) {
            return t == ValueType.STRING ? Scalars.enumConstant(r, c) : fail(c, t);
        }
        if (c.isRecord()) {
            return t == ValueType.MAP ? record(RecordShape.of(c), depth) : fail(c, t);
        }
        if (c.isArray()) {
            return t == ValueType.ARRAY ? array(c.getComponentType(), depth) : fail(c, t);
        }
        if (c == List.class || c == Collection.class || c == Iterable.class || c == Set.class) {
            return t == ValueType.ARRAY ? collection(c, Object.class, depth) : fail(c, t);
        }
        if (c == Map.class) {
            return t == ValueType.MAP ? map(Object.class, Object.class, depth) : fail(c, t);
        }
        if (c == Number.class && (t == ValueType.INTEGER || t == ValueType.FLOAT)) {
            return generic(depth);
        }
        throw r.invalid("cannot decode into " + c.getName() + ": not a record, enum, supported type or "
                + "registered extension type (got " + MsgDecoder.describe(t) + ")");
    }

    private Object parameterized(ParameterizedType p, int depth) throws IOException {
        Type[] args = p.getActualTypeArguments();
        Class<?> raw = (Class<?>) p.getRawType();
        ValueType t = r.nextType();
        if (t == ValueType.NIL) {
            return nilFor(raw);
        }
        if (raw == Map.class) {
            return t == ValueType.MAP ? map(args[0], args[1], depth) : fail(raw, t);
        }
        if (raw == List.class || raw == Collection.class || raw == Iterable.class || raw == Set.class) {
            return t == ValueType.ARRAY ? collection(raw, args[0], depth) : fail(raw, t);
        }
        throw r.invalid("cannot decode into " + p.getTypeName() + ": only List, Set, Collection and Map are "
                + "supported as generic types");
    }

    private Object collection(Class<?> raw, Type elem, int depth) throws IOException {
        int n = r.arrayHeader();
        r.checkDepth(depth, maxDepth);
        Collection<Object> out = raw == Set.class ? LinkedHashSet.newLinkedHashSet(n) : new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(typed(elem, depth + 1));
        }
        return out;
    }

    private Object array(Type elem, int depth) throws IOException {
        if (r.nextType() != ValueType.ARRAY) {
            return fail(Object[].class, r.nextType());
        }
        int n = r.arrayHeader();
        r.checkDepth(depth, maxDepth);
        Class<?> raw = elem instanceof ParameterizedType p ? (Class<?>) p.getRawType()
                : elem instanceof Class<?> k ? k : Object.class;
        Object out = Array.newInstance(raw, n);
        for (int i = 0; i < n; i++) {
            Array.set(out, i, typed(elem, depth + 1));
        }
        return out;
    }

    private Map<Object, Object> map(Type key, Type value, int depth) throws IOException {
        int n = r.mapHeader();
        r.checkDepth(depth, maxDepth);
        Map<Object, Object> m = LinkedHashMap.newLinkedHashMap(n);
        for (int i = 0; i < n; i++) {
            Object k = typed(key, depth + 1);
            m.put(k, typed(value, depth + 1));
        }
        return m;
    }

    private Object record(RecordShape shape, int depth) throws IOException {
        long at = r.offset();
        int n = r.mapHeader();
        r.checkDepth(depth, maxDepth);
        Object[] args = new Object[shape.names.length];
        boolean[] seen = new boolean[args.length];
        for (int i = 0; i < n; i++) {
            int idx = field(shape, seen);
            args[idx] = field(shape, idx, depth + 1);
        }
        for (int i = 0; i < seen.length; i++) {
            if (!seen[i]) {
                throw new MsgValidationException("missing field '" + shape.names[i] + "' for record "
                        + shape.type.getName(), at);
            }
        }
        return shape.make(args, at);
    }

    private int field(RecordShape shape, boolean[] seen) throws IOException {
        ValueType t = r.nextType();
        if (t != ValueType.STRING) {
            throw r.invalid("record " + shape.type.getName() + ": field names must be str, got "
                    + MsgDecoder.describe(t));
        }
        String name = r.string();
        int idx = shape.indexOf(name);
        if (idx < 0 || seen[idx]) {
            throw r.invalid((idx < 0 ? "unknown field '" : "duplicate field '") + name + "' for record "
                    + shape.type.getName() + " (fields: " + shape.names() + ")");
        }
        seen[idx] = true;
        return idx;
    }

    private Object field(RecordShape shape, int idx, int depth) throws IOException {
        try {
            return typed(shape.types[idx], depth);
        } catch (MsgValidationException e) {
            throw new MsgValidationException(shape.type.getSimpleName() + "." + shape.names[idx] + ": "
                    + e.getMessage(), -1);
        }
    }

    private Object fail(Class<?> c, ValueType t) {
        throw mismatch(c, t);
    }

    private MsgValidationException mismatch(Class<?> c, ValueType t) {
        return r.invalid("expected " + c.getSimpleName() + ", got " + MsgDecoder.describe(t));
    }
}
