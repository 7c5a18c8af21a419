package tractor.runtime.it;

import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import tractor.Context;
import tractor.ExtTypes;
import tractor.MsgStream;
import tractor.PayloadSpec;

/**
 * tractor's {@code NamespacePath} as a user extension type (msg/test_ext_types_msgspec): a "Class#method"
 * reference that loads the function it names. Registered (code 42) by this class's initializer.
 */
public final class NsPaths {
    private NsPaths() {}

    public static final int CODE = 42;

    static {
        ExtTypes.register(NsPath.class, CODE, p -> p.path().getBytes(StandardCharsets.UTF_8),
                b -> new NsPath(new String(b, StandardCharsets.UTF_8)));
    }

    /** Forces the registration (for the root of a test). */
    public static void init() {}

    /** Not a record on purpose: only the extension hooks can carry it. */
    public static final class NsPath {
        private final String path;

        public NsPath(String path) {
            this.path = Objects.requireNonNull(path);
        }

        public static NsPath from(Class<?> c, String method) {
            return new NsPath(c.getName() + "#" + method);
        }

        public String path() {
            return path;
        }

        /** Loads the public static method named by this path (the first of that name). */
        public Method load() throws ReflectiveOperationException {
            int i = path.indexOf('#');
            Class<?> c = Class.forName(path.substring(0, i));
            for (Method m : c.getMethods()) {
                if (m.getName().equals(path.substring(i + 1))) return m;
            }
            throw new NoSuchMethodException(path);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof NsPath p && p.path.equals(path);
        }

        @Override
        public int hashCode() {
            return path.hashCode();
        }

        @Override
        public String toString() {
            return "NsPath[" + path + "]";
        }
    }

    /** A type nobody registers: it cannot be sent. */
    public static final class Unregistered {
        @Override
        public String toString() {
            return "Unregistered";
        }
    }

    /** A function to name with a path. */
    public static String target(String s) {
        return "target:" + s;
    }

    /**
     * Starts with the path of {@link #target}; then loads each path it receives, checks that it is
     * {@link #target} by calling it, and sends the path back; returns how many it handled.
     */
    /** Echoes every path it can load; returns how many, as a path too: the spec covers the result. */
    @PayloadSpec(NsPath.class)
    public static NsPath pathsBothWays(Context ctx) throws Exception {
        ctx.started(NsPath.from(NsPaths.class, "target"));
        int n = 0;
        try (MsgStream s = ctx.openStream()) {
            for (Object m : s) {
                NsPath p = (NsPath) m;
                Object r = p.load().invoke(null, "ipc");
                if (!"target:ipc".equals(r)) throw new IllegalStateException(p + " loaded a function answering " + r);
                s.send(p);
                n++;
            }
        }
        return new NsPath("count:" + n);
    }

    /** Starts with a value of a type nobody registered: the child cannot encode it. */
    public static void startsUnencodable(Context ctx) {
        ctx.started(new Unregistered());
    }
}
