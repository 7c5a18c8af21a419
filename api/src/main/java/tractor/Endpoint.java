package tractor;

import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.lang.invoke.MethodHandleInfo;
import java.lang.invoke.SerializedLambda;
import java.util.Objects;

/**
 * A reference to a remotely invocable method: a class and the name of one of its public static
 * methods. Made from a method reference, so calls are checked by the compiler, or from a string
 * {@code "pkg.Class#method"} for dynamic callers. Nothing is loaded or run to make one.
 *
 * {@snippet :
 * Endpoint e = Endpoint.of((Endpoints.Fn1<Integer, Boolean>) Primes::isPrime); // "org.example.Primes#isPrime"
 * Endpoint same = Endpoint.parse("org.example.Primes#isPrime");
 * }
 *
 * <p>A lambda that is not a method reference ({@code x -> x + 1}) is refused: its body is a private
 * synthetic method that no other actor could invoke.
 *
 * @param className  the binary name of the declaring class
 * @param methodName the method's name
 */
public record Endpoint(String className, String methodName) {
    public Endpoint {
        Objects.requireNonNull(className, "className");
        Objects.requireNonNull(methodName, "methodName");
        if (className.isBlank() || methodName.isBlank()) {
            throw new IllegalArgumentException("an endpoint needs a class and a method name, got \"" + className + "#" + methodName + "\"");
        }
    }

    /**
     * Parses {@code "pkg.Class#method"}.
     *
     * @throws IllegalArgumentException when the text is not of that form
     */
    public static Endpoint parse(String text) {
        int i = text.indexOf('#');
        if (i <= 0 || i == text.length() - 1 || text.indexOf('#', i + 1) >= 0) {
            throw new IllegalArgumentException("endpoint \"" + text + "\" is not of the form \"pkg.Class#method\"");
        }
        return new Endpoint(text.substring(0, i), text.substring(i + 1));
    }

    /**
     * The endpoint a serializable method reference points at.
     *
     * @throws IllegalArgumentException when {@code ref} is a lambda rather than a method reference, or
     *                                  refers to an instance method or a constructor
     */
    public static Endpoint of(Serializable ref) {
        SerializedLambda sl = serializedForm(Objects.requireNonNull(ref, "ref"));
        String impl = sl.getImplClass().replace('/', '.');
        String name = sl.getImplMethodName();
        if (name.startsWith("lambda$")) {
            throw new IllegalArgumentException("a lambda defined in " + impl
                    + " is not a remote endpoint: pass a method reference to a public static method (Class::method)");
        }
        if (sl.getImplMethodKind() != MethodHandleInfo.REF_invokeStatic) {
            throw new IllegalArgumentException("\"" + impl + "#" + name + "\" is not a static method ("
                    + MethodHandleInfo.referenceKindToString(sl.getImplMethodKind()) + "): endpoints are public static methods");
        }
        if (sl.getCapturedArgCount() != 0) {
            throw new IllegalArgumentException("\"" + impl + "#" + name + "\" captures values: endpoints are unbound static methods");
        }
        return new Endpoint(impl, name);
    }

    /**
     * Reads the {@link SerializedLambda} the JDK makes for a serializable lambda. Serialization writes
     * it through the lambda's private {@code writeReplace}, which only the serialization machinery may
     * call across modules; the stream is discarded and nothing is ever deserialized.
     */
    private static SerializedLambda serializedForm(Serializable ref) {
        try (Capture c = new Capture()) {
            c.writeObject(ref);
        } catch (Captured done) {
            return done.lambda;
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the method reference " + ref, e);
        }
        throw new IllegalArgumentException(ref.getClass().getName() + " is not a lambda or method reference");
    }

    private static final class Captured extends IOException {
        final transient SerializedLambda lambda;

        Captured(SerializedLambda lambda) {
            super("captured");
            this.lambda = lambda;
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this; // control flow only: no stack trace needed
        }
    }

    private static final class Capture extends ObjectOutputStream {
        Capture() throws IOException {
            super(OutputStream.nullOutputStream());
            enableReplaceObject(true);
        }

        @Override
        protected Object replaceObject(Object obj) throws IOException {
            if (obj instanceof SerializedLambda sl) throw new Captured(sl);
            return obj;
        }
    }

    @Override
    public String toString() {
        return className + "#" + methodName;
    }
}
