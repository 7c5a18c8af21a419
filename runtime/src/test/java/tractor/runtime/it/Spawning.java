package tractor.runtime.it;

import tractor.Actor;
import tractor.Tractor;

/** Endpoints of the test_spawning scenarios (55–58). */
public final class Spawning {
    private Spawning() {}

    /** What a child knows of itself. */
    public record Info(String name, boolean registrar, boolean root, String uuid) {}

    public static Info info() {
        Actor a = Tractor.currentActor();
        return new Info(a.name(), a.isRegistrar(), a.isRoot(), a.uid().uuid());
    }

    /** Scenario 55's function: in a child, the actor is no registrar; answers 10. */
    public static int tenIfNotRegistrar() {
        if (Tractor.currentActor().isRegistrar()) throw new IllegalStateException("a child must not be the registrar");
        return 10;
    }

    public static String movieTheatreQuestion() {
        return "A movie theatre, with a marching band out front?";
    }

    public static String cellarDoor() {
        return "Dang that's beautiful";
    }

    /** Scenario 57: the most beautiful word, or nothing at all. */
    public static String mostBeautifulWord(boolean returnNull) {
        return returnNull ? null : "cellar door";
    }

    /** The most verbose level the runtime's logger has enabled in this actor. */
    public static String runtimeLogLevel() {
        org.slf4j.Logger l = org.slf4j.LoggerFactory.getLogger("tractor.runtime");
        if (l.isTraceEnabled()) return "trace";
        if (l.isDebugEnabled()) return "debug";
        if (l.isInfoEnabled()) return "info";
        if (l.isWarnEnabled()) return "warn";
        if (l.isErrorEnabled()) return "error";
        return "off";
    }
}
