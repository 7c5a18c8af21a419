package tractor.examples.jpms;

import tractor.RootOptions;
import tractor.Tractor;

/**
 * Starts a tree and calls one function in a child actor; prints which module it ran in and where the child
 * ran. The spawn backend is the one {@code TRACTOR_SPAWN_METHOD} names (tractor's default otherwise), the
 * transport the one the system property {@code tractor.transport} names ({@code tcp} otherwise): nothing
 * else in this code knows about backends.
 *
 * {@snippet lang=shell :
 * TRACTOR_SPAWN_METHOD=thread java --module-path mods --add-modules ALL-MODULE-PATH -m tractor.examples.jpms/tractor.examples.jpms.App
 * }
 */
public final class App {
    private App() {}

    /** The child's answer: its pid and the module this class was loaded in there. */
    public static String where() {
        return "child pid=" + ProcessHandle.current().pid() + " module=" + App.class.getModule().getName();
    }

    public static void main(String[] args) throws Exception {
        String transport = System.getProperty("tractor.transport", "tcp");
        RootOptions root = RootOptions.of().transport(transport).registryAddress(transport.equals("tcp") ? "tcp://127.0.0.1:0" : null);
        Object[] out = new Object[1];
        Tractor.openNursery(root, an -> out[0] = an.runInActor("where", App::where).result());
        System.out.println("app pid=" + ProcessHandle.current().pid() + " module=" + App.class.getModule().getName());
        System.out.println(out[0]);
    }
}
