package tractor.runtime;

import tractor.ExtTypes;

/** The {@link ExtRegistry} of the user types registered with {@link ExtTypes}, rebuilt when they change. */
final class UserExt {
    private UserExt() {}

    private static ExtRegistry cached = ExtRegistry.EMPTY;
    private static int cachedVersion;

    static synchronized ExtRegistry registry() {
        int v = ExtTypes.version();
        if (v != cachedVersion) {
            ExtRegistry.Builder b = ExtRegistry.builder();
            for (ExtTypes.Registration<?> r : ExtTypes.registrations()) add(b, r);
            cached = b.build();
            cachedVersion = v;
        }
        return cached;
    }

    private static <T> void add(ExtRegistry.Builder b, ExtTypes.Registration<T> r) {
        b.register(r.type(), r.code(), r.encode(), r.decode());
    }
}
