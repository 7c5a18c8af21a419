package tractor.examples.jpms;

import tractor.ActorOptions;
import tractor.Context;
import tractor.Endpoint;
import tractor.Endpoints;
import tractor.Portal;
import tractor.RootOptions;
import tractor.Tractor;

/**
 * Starts a tree and calls one function in a child actor; prints which module it ran in and where the child
 * ran. The spawn backend is the one {@code TRACTOR_SPAWN_METHOD} names (tractor's default otherwise), the
 * transport the one the system property {@code tractor.transport} names ({@code tcp} otherwise): nothing
 * else in this code knows about backends. With {@code -Dtractor.examples.classLoader=isolated} the child is
 * spawned with that backend option: a thread child then has its own copy of this class and its statics.
 *
 * {@snippet lang=shell :
 * TRACTOR_SPAWN_METHOD=thread java --module-path mods --add-modules ALL-MODULE-PATH -m tractor.examples.jpms/tractor.examples.jpms.App
 * }
 */
public final class App {
    private App() {}

    /** Set by {@link #main}: a child that sees it shares this class's statics with the app. */
    private static volatile String startedBy = "nobody";

    /** The child's answer: its pid, the module this class was loaded in there and whether it shares statics. */
    public static String where() {
        return "child pid=" + ProcessHandle.current().pid() + " module=" + App.class.getModule().getName()
                + " startedBy=" + startedBy;
    }

    /** A context endpoint: answers, through {@code started}, the module this class was loaded in there. */
    public static void hello(Context ctx) {
        ctx.started("context in module=" + App.class.getModule().getName());
    }

    public static void main(String[] args) throws Exception {
        String transport = System.getProperty("tractor.transport", "tcp");
        RootOptions root = RootOptions.of().transport(transport).registryAddress(transport.equals("tcp") ? "tcp://127.0.0.1:0" : null);
        String classLoader = System.getProperty("tractor.examples.classLoader");
        ActorOptions child = classLoader == null ? ActorOptions.of() : ActorOptions.of().backendOption("classLoader", classLoader);
        startedBy = "app";
        Object[] out = new Object[1];
        Object[] hello = new Object[1];
        Tractor.openNursery(root, an -> {
            out[0] = an.runInActor("where", child, Endpoint.of((Endpoints.Fn0<String>) App::where)).result();
            Portal p = an.startActor("hello", child.enable(App.class));
            try (Context ctx = p.openContext(App::hello)) {
                hello[0] = ctx.first();
                ctx.waitForResult();
            }
            p.cancelActor();
        });
        System.out.println("app pid=" + ProcessHandle.current().pid() + " module=" + App.class.getModule().getName());
        System.out.println(out[0]);
        System.out.println(hello[0]);
    }
}
