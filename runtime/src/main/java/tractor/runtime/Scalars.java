package tractor.runtime;

import java.io.IOException;
import org.msgpack.value.ValueType;

/** Range-checked scalar reads for {@link TypedDecoder}. */
final class Scalars {
    private Scalars() {}

    /** Reads an int value into a long/int/short/byte (boxed). @throws MsgValidationException if out of range */
    static Object integer(WireReader r, Class<?> c) throws IOException {
        long at = r.offset();
        long v;
        try {
            v = r.unpacker().unpackLong();
        } catch (org.msgpack.core.MessageIntegerOverflowException e) {
            throw new MsgValidationException("integer does not fit " + c.getSimpleName(), at);
        }
        if (c == long.class || c == Long.class) {
            return v;
        }
        if (c == int.class || c == Integer.class) {
            return (int) check(v, Integer.MIN_VALUE, Integer.MAX_VALUE, c, at);
        }
        if (c == short.class || c == Short.class) {
            return (short) check(v, Short.MIN_VALUE, Short.MAX_VALUE, c, at);
        }
        return (byte) check(v, Byte.MIN_VALUE, Byte.MAX_VALUE, c, at);
    }

    private static long check(long v, long min, long max, Class<?> c, long at) {
        if (v < min || v > max) {
            throw new MsgValidationException("integer " + v + " does not fit " + c.getSimpleName(), at);
        }
        return v;
    }

    /** Reads a float (or an int, widened) into a double/float (boxed). */
    static Object floating(WireReader r, Class<?> c, ValueType t) throws IOException {
        double d = t == ValueType.INTEGER ? integerAsDouble(r) : r.unpacker().unpackDouble();
        return c == float.class || c == Float.class ? (Object) (float) d : (Object) d;
    }

    private static double integerAsDouble(WireReader r) throws IOException {
        return r.unpacker().unpackBigInteger().doubleValue();
    }

    /** Reads an enum constant by name. @throws MsgValidationException if there is no such constant */
    static Object enumConstant(WireReader r, Class<?> c) throws IOException {
        long at = r.offset();
        String name = r.string();
        for (Object k : c.getEnumConstants()) {
            if (((Enum<?>) k).name().equals(name)) {
                return k;
            }
        }
        throw new MsgValidationException("'" + name + "' is not a constant of enum " + c.getName(), at);
    }
}
