package tractor;

import java.io.Serializable;

/**
 * The shapes of typed endpoint references: serializable functional interfaces a method reference
 * converts to, so that {@code portal.run(Primes::isPrime, 97)} is checked by the compiler. Only
 * method references to public static methods are accepted at run time (see {@link Endpoint#of}).
 * Context endpoints take the {@link Context} first.
 */
public final class Endpoints {
    private Endpoints() {}

    /** A method of no argument. */
    @FunctionalInterface
    public interface Fn0<R> extends Serializable {
        R call() throws Exception;
    }

    /** A method of one argument. */
    @FunctionalInterface
    public interface Fn1<A, R> extends Serializable {
        R call(A a) throws Exception;
    }

    /** A method of two arguments. */
    @FunctionalInterface
    public interface Fn2<A, B, R> extends Serializable {
        R call(A a, B b) throws Exception;
    }

    /** A method of three arguments. */
    @FunctionalInterface
    public interface Fn3<A, B, C, R> extends Serializable {
        R call(A a, B b, C c) throws Exception;
    }

    /** A method of four arguments. */
    @FunctionalInterface
    public interface Fn4<A, B, C, D, R> extends Serializable {
        R call(A a, B b, C c, D d) throws Exception;
    }

    /** A void method of no argument. */
    @FunctionalInterface
    public interface Proc0 extends Serializable {
        void call() throws Exception;
    }

    /** A void method of one argument. */
    @FunctionalInterface
    public interface Proc1<A> extends Serializable {
        void call(A a) throws Exception;
    }

    /** A void method of two arguments. */
    @FunctionalInterface
    public interface Proc2<A, B> extends Serializable {
        void call(A a, B b) throws Exception;
    }

    /** A void method of three arguments. */
    @FunctionalInterface
    public interface Proc3<A, B, C> extends Serializable {
        void call(A a, B b, C c) throws Exception;
    }

    /** A context endpoint of no other argument. */
    @FunctionalInterface
    public interface Ctx0<R> extends Serializable {
        R call(Context ctx) throws Exception;
    }

    /** A context endpoint of one more argument. */
    @FunctionalInterface
    public interface Ctx1<A, R> extends Serializable {
        R call(Context ctx, A a) throws Exception;
    }

    /** A context endpoint of two more arguments. */
    @FunctionalInterface
    public interface Ctx2<A, B, R> extends Serializable {
        R call(Context ctx, A a, B b) throws Exception;
    }

    /** A void context endpoint of no other argument. */
    @FunctionalInterface
    public interface CtxV0 extends Serializable {
        void call(Context ctx) throws Exception;
    }

    /** A void context endpoint of one more argument. */
    @FunctionalInterface
    public interface CtxV1<A> extends Serializable {
        void call(Context ctx, A a) throws Exception;
    }

    /** A void context endpoint of two more arguments. */
    @FunctionalInterface
    public interface CtxV2<A, B> extends Serializable {
        void call(Context ctx, A a, B b) throws Exception;
    }

    /** A one-way streaming endpoint that emits its values, no other argument. */
    @FunctionalInterface
    public interface Emit0 extends Serializable {
        void call(Emitter out) throws Exception;
    }

    /** A one-way streaming endpoint that emits its values, one more argument. */
    @FunctionalInterface
    public interface Emit1<A> extends Serializable {
        void call(Emitter out, A a) throws Exception;
    }

    /** A one-way streaming endpoint that emits its values, two more arguments. */
    @FunctionalInterface
    public interface Emit2<A, B> extends Serializable {
        void call(Emitter out, A a, B b) throws Exception;
    }
}
