package tractor.bundles;

import java.util.ArrayList;
import java.util.List;
import tractor.ActorOptions;
import tractor.Context;
import tractor.MsgStream;
import tractor.Portal;
import tractor.RootOptions;
import tractor.Tractor;

/**
 * A tractor application run inside OSGi: each method opens a tree, uses one child actor and returns what it
 * saw as plain JDK values (the caller, a test outside the framework, calls it by reflection).
 *
 * {@snippet :
 * String r = OsgiProbe.threadCall();   // "42 from thread-doubler"
 * }
 */
public final class OsgiProbe {
    private OsgiProbe() {}

    /** The endpoint of the call tests: twice {@code x} and the name of the actor that computed it. */
    public static String twice(int x) {
        return (2 * x) + " from " + Tractor.currentActor().name();
    }

    /** The endpoint of the process test: this JVM's pid and class path. */
    public static List<Object> whereAmI() {
        return List.of(ProcessHandle.current().pid(), System.getProperty("java.class.path", ""));
    }

    /** A context endpoint: started with "ready", echoes every message, returns how many. */
    public static int echo(Context ctx) {
        ctx.started("ready");
        int n = 0;
        try (MsgStream s = ctx.openStream()) {
            for (Object m : s) {
                s.send(m);
                n++;
            }
        }
        return n;
    }

    /** A root on the given backend with its registry on an ephemeral TCP port. */
    public static RootOptions root(String backend) {
        return RootOptions.of().spawnBackend(backend).registryAddress("tcp://127.0.0.1:0");
    }

    /** One call in a child actor on the {@code thread} backend. */
    public static String threadCall() throws Exception {
        Object[] out = new Object[1];
        Tractor.openNursery(root("thread"), an -> out[0] = an.runInActor("thread-doubler", OsgiProbe::twice, 21).result());
        return String.valueOf(out[0]);
    }

    /** The same call as {@link #threadCall()} in a tree on the {@code inproc} transport (no socket at all). */
    public static String inprocCall() throws Exception {
        Object[] out = new Object[1];
        Tractor.openNursery(RootOptions.of().spawnBackend("thread").transport("inproc"),
                an -> out[0] = an.runInActor("inproc-doubler", OsgiProbe::twice, 21).result());
        return String.valueOf(out[0]);
    }

    /** A context with a stream in a child actor on the {@code thread} backend: first value, echoes, result. */
    public static List<Object> threadContextStream(int count) throws Exception {
        List<Object> seen = new ArrayList<>();
        Tractor.openNursery(root("thread"), an -> {
            Portal p = an.startActor("echoer", ActorOptions.of().enable(OsgiProbe.class));
            try (Context ctx = p.openContext(OsgiProbe::echo)) {
                seen.add(ctx.first());
                try (MsgStream s = ctx.openStream()) {
                    for (int i = 0; i < count; i++) {
                        s.send("ping " + i);
                        seen.add(s.receive());
                    }
                }
                seen.add(ctx.waitForResult());
            } finally {
                p.cancelActor();
            }
        });
        return seen;
    }

    /**
     * One call in a child JVM on the {@code process} backend, with the child's class path given
     * ({@code classPath} backend option); returns the child's pid and class path.
     */
    public static List<Object> processCall(String classPath) throws Exception {
        return processCall(ActorOptions.of().backendOption("classPath", classPath));
    }

    /**
     * One call in a child JVM on the {@code process} backend with no backend option: inside OSGi the runtime
     * gives the child the files of the installed bundles as its class path. Returns the child's pid and class path.
     */
    public static List<Object> processCall() throws Exception {
        return processCall(ActorOptions.of());
    }

    private static List<Object> processCall(ActorOptions options) throws Exception {
        Object[] out = new Object[1];
        ActorOptions o = options.enable(OsgiProbe.class);
        Tractor.openNursery(root("process"), an -> out[0] = an.runInActor("where", o, tractor.Endpoint.parse(
                OsgiProbe.class.getName() + "#whereAmI")).result());
        @SuppressWarnings("unchecked")
        List<Object> r = (List<Object>) out[0];
        return r;
    }
}
