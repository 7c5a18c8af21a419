package tractor.runtime.it;

import java.time.Duration;
import tractor.ActorOptions;
import tractor.Portal;
import tractor.Tractor;
import tractor.sc.Sc;

/** Endpoints the runtime tests invoke in child actors (a package of its own: children load it from the class path). */
public final class Calls {
    private Calls() {}

    public static int add(int a, int b) {
        return a + b;
    }

    public static String whoAmI() {
        return Tractor.currentActor().name();
    }

    public static long pid() {
        return ProcessHandle.current().pid();
    }

    public static void fail(String message) {
        throw new IllegalStateException(message);
    }

    public static String sleepThenReturn(long millis) {
        Sc.sleep(Duration.ofMillis(millis));
        return "slept";
    }

    public static void sleepForever() {
        Sc.sleepForever();
    }

    public static String hidden() {
        return "never";
    }

    public static Point move(Point p, int dx) {
        return new Point(p.x() + dx, p.y());
    }

    /** Ends this actor's JVM abruptly (process backend only). */
    public static void exit(int code) {
        Runtime.getRuntime().halt(code);
    }

    /** Calls {@code Calls#add} in this actor's parent. */
    public static int addInParent(int a, int b) {
        return Tractor.currentActor().parent().orElseThrow().run(Calls::add, a, b);
    }

    /** Waits for the actor named {@code name} to register, then asks it its name. */
    public static String waitAndAsk(String name) {
        return Tractor.waitForActor(name).run(Calls::whoAmI);
    }

    public record Point(int x, int y) {}

    /** Spawns a child named {@code name} here, looks it up in the registry, cancels it; returns whether it was listed. */
    public static boolean spawnAndFind(String name) throws Exception {
        boolean[] listed = {false};
        Tractor.openNursery(an -> {
            Portal p = an.startActor(name, ActorOptions.of().enable(Calls.class));
            p.run(Calls::add, 1, 2); // served once it registered
            listed[0] = Tractor.findActor(name).map(f -> f.peer().equals(p.peer())).orElse(false);
            an.cancel();
        });
        return listed[0];
    }
}
