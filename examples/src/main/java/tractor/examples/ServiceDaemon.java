package tractor.examples;

import static tractor.examples.ExampleRoot.root;

import tractor.Tractor;

/**
 * A service daemon program (tractor's {@code run_daemon}): the root of its own program, it hosts the
 * registry at the {@code tractor.registry} address and serves {@link #greet} under the name
 * {@code greeter} until a peer cancels it or it gets SIGINT/SIGTERM. Other programs started with the
 * same registry address find it by name: see {@link DaemonClient}.
 *
 * <pre>
 * mvn -q -pl examples -am compile exec:exec -Dexample=tractor.examples.ServiceDaemon -Dtractor.registry=tcp://127.0.0.1:1616
 * </pre>
 */
public final class ServiceDaemon {
    private ServiceDaemon() {}

    /** The service: a greeting naming the actor and process that answered. */
    public static String greet(String who) {
        return "hello " + who + ", this is '" + Tractor.currentActor().name() + "' in pid " + ProcessHandle.current().pid();
    }

    public static void main(String[] args) throws Exception {
        Tractor.runDaemon(root().name("greeter").enable(ServiceDaemon.class).ensureRegistry(true),
                actor -> System.out.println("greeter daemon serving at " + actor.address()));
        System.out.println("greeter daemon cancelled");
    }
}
