package tractor.runtime.it;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import tractor.ExtTypes;

/** Endpoints over a user type carried as a msgpack extension value, registered by this class's initializer. */
public final class ExtCalls {
    private ExtCalls() {}

    static {
        ExtTypes.register(BigDecimal.class, 7, d -> d.toPlainString().getBytes(StandardCharsets.UTF_8),
                b -> new BigDecimal(new String(b, StandardCharsets.UTF_8)));
    }

    /** Forces the registration (for the root of a test). */
    public static void init() {}

    public static BigDecimal twice(BigDecimal d) {
        return d.add(d);
    }

    public static Object echo(Object o) {
        return o;
    }
}
