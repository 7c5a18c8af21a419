package tractor.runtime;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A record class's components, accessors and canonical constructor, looked up once per class (cached in a
 * {@link ClassValue}). Only ever built for a class the caller named (a requested type, a component type of
 * one, or the class of a value being encoded): never from a name read off the wire.
 */
final class RecordShape {
    private static final ClassValue<RecordShape> CACHE = new ClassValue<>() {
        @Override
        protected RecordShape computeValue(Class<?> type) {
            return new RecordShape(type);
        }
    };

    final Class<?> type;
    final String[] names;
    final Type[] types;
    private final Method[] accessors;
    private final Constructor<?> ctor;
    private final Map<String, Integer> index = new HashMap<>();
    private final String inaccessible;

    private RecordShape(Class<?> type) {
        this.type = type;
        RecordComponent[] rc = type.getRecordComponents();
        names = new String[rc.length];
        types = new Type[rc.length];
        accessors = new Method[rc.length];
        Class<?>[] raw = new Class<?>[rc.length];
        for (int i = 0; i < rc.length; i++) {
            names[i] = rc[i].getName();
            types[i] = rc[i].getGenericType();
            accessors[i] = rc[i].getAccessor();
            raw[i] = rc[i].getType();
            index.put(names[i], i);
        }
        ctor = canonical(type, raw);
        inaccessible = open();
    }

    /** {@return the shape of a record class} */
    static RecordShape of(Class<?> recordType) {
        return CACHE.get(recordType);
    }

    private static Constructor<?> canonical(Class<?> type, Class<?>[] raw) {
        try {
            return type.getDeclaredConstructor(raw);
        } catch (NoSuchMethodException e) {
            return null; // impossible for a record; reported by open()
        }
    }

    private String open() {
        if (ctor == null) {
            return "record " + type.getName() + " has no canonical constructor";
        }
        boolean ok = ctor.trySetAccessible();
        for (Method m : accessors) {
            ok &= m.trySetAccessible();
        }
        return ok ? null : "record " + type.getName() + " is not accessible to module tractor.runtime: "
                + "make it public in an exported package, or open its package to tractor.runtime";
    }

    /** {@return the component index for a name, or -1} */
    int indexOf(String name) {
        Integer i = index.get(name);
        return i == null ? -1 : i;
    }

    /** {@return the component names, for error messages} */
    List<String> names() {
        return List.of(names);
    }

    /** {@return component {@code i} of {@code value}} @throws MsgEncodeException if not accessible */
    Object get(Object value, int i) {
        checkAccess(MsgEncodeException::new);
        try {
            return accessors[i].invoke(value);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new MsgEncodeException("cannot read " + type.getName() + "." + names[i] + ": " + e, e);
        }
    }

    /**
     * Builds an instance through the canonical constructor.
     *
     * @throws MsgValidationException if the record is not accessible or its constructor rejects the values
     */
    Object make(Object[] args, long offset) {
        checkAccess(msg -> new MsgValidationException(msg, offset));
        try {
            return ctor.newInstance(args);
        } catch (InvocationTargetException e) {
            throw new MsgValidationException("record " + type.getName() + " rejected the decoded values: "
                    + e.getCause(), offset);
        } catch (ReflectiveOperationException | IllegalArgumentException e) {
            throw new MsgValidationException("cannot construct " + type.getName() + ": " + e, offset);
        }
    }

    private <X extends RuntimeException> void checkAccess(java.util.function.Function<String, X> error) {
        if (inaccessible != null) {
            throw error.apply(inaccessible);
        }
    }

    @Override
    public String toString() {
        return "RecordShape[" + type.getName() + names() + "]";
    }
}
