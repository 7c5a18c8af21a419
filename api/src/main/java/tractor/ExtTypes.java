package tractor;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * User types carried in payloads as msgpack extension values (tractor's {@code ext_types} with
 * {@code enc_hook}/{@code dec_hook}): a type, its extension code (0..127) and its encode/decode hooks
 * to and from bytes. Registrations are per JVM and must be made on both ends: do it in a static
 * initializer of a class the actor enables (children initialize their enabled classes when they boot).
 *
 * {@snippet :
 * public final class Money {
 *     static {
 *         ExtTypes.register(BigDecimal.class, 7, d -> d.toString().getBytes(UTF_8), b -> new BigDecimal(new String(b, UTF_8)));
 *     }
 * }
 * }
 * A value of an unregistered class cannot be sent (the sender gets a clear error); an extension code
 * nobody registered cannot be received (a {@link MsgTypeError}).
 */
public final class ExtTypes {
    private ExtTypes() {}

    /** One registration. */
    public record Registration<T>(Class<T> type, int code, Function<? super T, byte[]> encode, Function<byte[], ? extends T> decode) {
        public Registration {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(encode, "encode");
            Objects.requireNonNull(decode, "decode");
            if (code < 0 || code > 127) throw new IllegalArgumentException("extension codes are 0..127, got " + code);
        }
    }

    private static final List<Registration<?>> ALL = new ArrayList<>();
    private static int version;

    /**
     * Registers {@code type} under {@code code}; registering the same type with the same code again is a
     * no-op.
     *
     * @throws IllegalArgumentException when the code or the type is already registered otherwise
     */
    public static synchronized <T> void register(Class<T> type, int code, Function<? super T, byte[]> encode,
                                                 Function<byte[], ? extends T> decode) {
        Registration<T> r = new Registration<>(type, code, encode, decode);
        for (Registration<?> x : ALL) {
            if (x.type() == type && x.code() == code) return;
            if (x.type() == type || x.code() == code) {
                throw new IllegalArgumentException("extension " + type.getName() + " as code " + code + " clashes with "
                        + x.type().getName() + " as code " + x.code());
            }
        }
        ALL.add(r);
        version++;
    }

    /** Every registration, in order. */
    public static synchronized List<Registration<?>> registrations() {
        return List.copyOf(ALL);
    }

    /** Changes with every registration, so that users can cache what they build from the registrations. */
    public static synchronized int version() {
        return version;
    }
}
