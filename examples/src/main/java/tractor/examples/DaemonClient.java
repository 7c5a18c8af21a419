package tractor.examples;

import static tractor.examples.ExampleRoot.root;

import tractor.Portal;
import tractor.Tractor;

/**
 * A client program of {@link ServiceDaemon} (tractor's service daemon discovery): started with the
 * daemon's registry address, its root registers there, looks for a name nobody serves, finds the
 * daemon {@code greeter} by name and calls it; a child actor of this program finds it too.
 *
 * <pre>
 * mvn -q -pl examples -am compile exec:exec -Dexample=tractor.examples.DaemonClient -Dtractor.registry=tcp://127.0.0.1:1616
 * </pre>
 */
public final class DaemonClient {
    private DaemonClient() {}

    /** Run in a child actor: finds the daemon by name and asks it for a greeting. */
    public static String askGreeter() {
        return Tractor.waitForActor("greeter").run(ServiceDaemon::greet, Tractor.currentActor().name());
    }

    public static void main(String[] args) throws Exception {
        Tractor.openNursery(root().name("client"), an -> {
            System.out.println("client is the registrar: " + Tractor.currentActor().isRegistrar());
            System.out.println("no_such_service found: " + Tractor.findActor("no_such_service").isPresent());

            Portal greeter = Tractor.waitForActor("greeter");
            System.out.println(greeter.run(ServiceDaemon::greet, "client"));

            // from anywhere in the tree: a child actor of this program finds the daemon by name too
            Portal asker = an.runInActor("asker", DaemonClient::askGreeter);
            System.out.println(asker.result());
        });
    }
}
