package tractor;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The payload spec of a context endpoint (tractor's {@code @context(pld_spec=...)}): the type every
 * {@code started} value and every stream value of that context must have, a class (a record, an enum,
 * {@code String}, {@code Long}...) or a sealed interface of records (the value is the first permitted
 * record whose fields match exactly). {@code started} checks its value strictly before sending it;
 * stream values are checked by the receiver. A violation raises {@link MsgTypeError} naming the field,
 * the expected and the received type.
 *
 * {@snippet :
 * sealed interface Cmd permits Ping, Quit {}
 * record Ping(long seq) implements Cmd {}
 * record Quit() implements Cmd {}
 *
 * @PayloadSpec(Cmd.class)
 * public static void serve(Context ctx) { ... }
 * }
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface PayloadSpec {
    /** The type every payload of the context must have. */
    Class<?> value();
}
