package tractor;

import java.util.List;
import java.util.Optional;
import tractor.sc.TractorException;

/**
 * An error raised in another actor, boxed and relayed here (tractor's {@code RemoteActorError}).
 *
 * <p>The box keeps what crossed the wire: the type name of the error it boxes ({@link #boxedTypeName()},
 * and the class itself when it can be loaded here, {@link #boxedType()}), the type of the original
 * error where it was first raised ({@link #srcTypeName()}), the actor it came from ({@link #srcUid()}),
 * every actor that relayed it ({@link #relayPath()}, the origin first) and the remote stack trace as
 * text ({@link #remoteStackTrace()}). A relayed box of a box ("inception", a grandchild's error seen
 * by the root) has {@code boxedTypeName() == "RemoteActorError"} and the grandchild's type in
 * {@code srcTypeName()}. The remote stack is never turned back into a live exception of that type:
 * nothing from the wire is instantiated by name.
 */
public class RemoteActorError extends TractorException {
    private final String boxedTypeName;
    private final String srcTypeName;
    private final ActorId srcUid;
    private final List<ActorId> relayPath;
    private final String remoteMessage;
    private final String remoteStackTrace;

    public RemoteActorError(String remoteMessage, String boxedTypeName, String srcTypeName, ActorId srcUid,
                            List<ActorId> relayPath, String remoteStackTrace) {
        super(describe(remoteMessage, boxedTypeName, srcTypeName, srcUid, relayPath));
        this.remoteMessage = remoteMessage == null ? "" : remoteMessage;
        this.boxedTypeName = boxedTypeName;
        this.srcTypeName = srcTypeName;
        this.srcUid = srcUid;
        this.relayPath = List.copyOf(relayPath);
        this.remoteStackTrace = remoteStackTrace == null ? "" : remoteStackTrace;
    }

    private static String describe(String msg, String boxed, String src, ActorId srcUid, List<ActorId> path) {
        String type = boxed.equals(src) ? boxed : boxed + "[" + src + "]";
        String via = path.size() > 1 ? " via " + path : "";
        return type + " in actor " + srcUid + via + (msg == null || msg.isEmpty() ? "" : ": " + msg);
    }

    /** The fully qualified name of the boxed error's type, as the remote actor reported it. */
    public String boxedTypeName() {
        return boxedTypeName;
    }

    /**
     * The boxed error's class when it is loadable here and is a {@link Throwable}, else empty. Loading
     * never initializes the class.
     */
    public Optional<Class<? extends Throwable>> boxedType() {
        return load(boxedTypeName);
    }

    /** The type name of the original error where it was first raised (differs after a relay). */
    public String srcTypeName() {
        return srcTypeName;
    }

    /** The original error's class, when loadable, see {@link #boxedType()}. */
    public Optional<Class<? extends Throwable>> srcType() {
        return load(srcTypeName);
    }

    /** The actor where the error was first raised. */
    public ActorId srcUid() {
        return srcUid;
    }

    /** Every actor that carried the error, the origin first, the last hop last. */
    public List<ActorId> relayPath() {
        return relayPath;
    }

    /** The last actor that relayed the error to us. */
    public ActorId relayUid() {
        return relayPath.isEmpty() ? srcUid : relayPath.getLast();
    }

    /** Whether this boxes another box: an error relayed over more than one hop with its type changed. */
    public boolean isInception() {
        return !boxedTypeName.equals(srcTypeName);
    }

    /** The remote error's own message. */
    public String remoteMessage() {
        return remoteMessage;
    }

    /** The remote stack trace as text. */
    public String remoteStackTrace() {
        return remoteStackTrace;
    }

    private static Optional<Class<? extends Throwable>> load(String name) {
        if (name == null || name.isEmpty()) return Optional.empty();
        for (ClassLoader cl : new ClassLoader[] {Thread.currentThread().getContextClassLoader(), RemoteActorError.class.getClassLoader()}) {
            try {
                Class<?> c = Class.forName(name, false, cl);
                if (Throwable.class.isAssignableFrom(c)) return Optional.of(c.asSubclass(Throwable.class));
            } catch (ClassNotFoundException | LinkageError | SecurityException e) {
                // not loadable through this loader
            }
        }
        return Optional.empty();
    }
}
