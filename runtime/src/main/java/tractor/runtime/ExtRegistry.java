package tractor.runtime;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Explicitly registered msgpack extension types (tractor's {@code ext_types} with {@code enc_hook} /
 * {@code dec_hook}): each maps one exact Java class to one ext type code 0..127 and a pair of hooks over
 * the ext payload bytes. The only way a payload decodes into a class that is not a record, enum or
 * built-in mapping the caller asked for; nothing read from the wire ever names a class. Immutable and
 * thread-safe.
 *
 * {@snippet :
 * ExtRegistry ext = ExtRegistry.builder()
 *     .register(Point.class, 1, p -> p.toBytes(), Point::fromBytes)
 *     .build();
 * PayloadCodec codec = new PayloadCodec(ext, CodecLimits.DEFAULT);
 * }
 */
public final class ExtRegistry {
    /** No extension types. */
    public static final ExtRegistry EMPTY = new ExtRegistry(List.of());

    /** One registration. */
    record Entry<T>(Class<T> type, byte code, Function<? super T, byte[]> encoder,
                    Function<byte[], ? extends T> decoder) {
        byte[] encode(Object value) {
            return encoder.apply(type.cast(value));
        }
    }

    private final List<Entry<?>> entries;
    private final Map<Class<?>, Entry<?>> byType = new HashMap<>();
    private final Entry<?>[] byCode = new Entry<?>[128];

    private ExtRegistry(List<Entry<?>> entries) {
        this.entries = List.copyOf(entries);
        for (Entry<?> e : this.entries) {
            byType.put(e.type(), e);
            byCode[e.code()] = e;
        }
    }

    /** {@return a new, empty builder} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return the registration for exactly this class, or null} */
    Entry<?> forType(Class<?> type) {
        return byType.isEmpty() ? null : byType.get(type);
    }

    /** {@return the registration for this ext code, or null} */
    Entry<?> forCode(byte code) {
        return code >= 0 ? byCode[code] : null;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("ExtRegistry[");
        for (Entry<?> e : entries) {
            sb.append(sb.length() > 12 ? ", " : "").append(e.code()).append('=').append(e.type().getName());
        }
        return sb.append(']').toString();
    }

    /** Collects registrations; {@link #build()} makes the immutable registry. Not thread-safe. */
    public static final class Builder {
        private final List<Entry<?>> entries = new java.util.ArrayList<>();

        private Builder() {}

        /**
         * Registers an extension type.
         *
         * @param type    the exact class encoded with this code (subclasses are not matched)
         * @param code    the msgpack ext type code, 0..127 (negative codes are reserved by msgpack)
         * @param encoder value → ext payload bytes
         * @param decoder ext payload bytes → value; may throw, which becomes a {@link MsgValidationException}
         * @param <T>     the registered type
         * @return this builder
         * @throws NullPointerException     if an argument is null
         * @throws IllegalArgumentException if the code is out of range or the code or type is already taken
         */
        public <T> Builder register(Class<T> type, int code, Function<? super T, byte[]> encoder,
                                    Function<byte[], ? extends T> decoder) {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(encoder, "encoder");
            Objects.requireNonNull(decoder, "decoder");
            if (code < 0 || code > 127) {
                throw new IllegalArgumentException("ext type code must be 0..127, got " + code + " for " + type);
            }
            for (Entry<?> e : entries) {
                if (e.code() == code || e.type() == type) {
                    throw new IllegalArgumentException("ext type " + type.getName() + " / code " + code
                            + " clashes with " + e.type().getName() + " / code " + e.code());
                }
            }
            entries.add(new Entry<>(type, (byte) code, encoder, decoder));
            return this;
        }

        /** {@return the immutable registry} */
        public ExtRegistry build() {
            return new ExtRegistry(entries);
        }
    }
}
