package tractor.trionics;

/**
 * A resource entered and exited around a body, in one task: Java's rendering of Python's async
 * context manager. The implementation acquires the resource, calls {@code body.run(value)}, and
 * releases it when the body returns or throws:
 * {@snippet :
 * ScopedResource<Connection> conn = body -> {
 *     try (Connection c = connect()) {
 *         body.run(c);
 *     }
 * };
 * }
 */
@FunctionalInterface
public interface ScopedResource<T> {

    /** The code run while the resource is held. */
    @FunctionalInterface
    interface Body<T> {
        void run(T value) throws Exception;
    }

    /** Acquires the resource, runs {@code body} with it, then releases it. */
    void use(Body<? super T> body) throws Exception;

    /** A resource that is an {@link AutoCloseable} made by {@code open}, closed after the body. */
    static <C extends AutoCloseable> ScopedResource<C> ofCloseable(tractor.sc.Sc.Call<C> open) {
        return body -> {
            try (C c = open.call()) {
                body.run(c);
            }
        };
    }
}
