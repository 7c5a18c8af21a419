package tractor.examples;

import static tractor.examples.ExampleRoot.root;

import tractor.Portal;
import tractor.Tractor;

/**
 * tractor's {@code service_discovery.py}: every actor registers with the registrar of its tree under
 * its name; any actor can ask the registrar where one is, or wait for one to show up.
 */
public final class ServiceDiscovery {
    private ServiceDiscovery() {}

    public static void main(String[] args) throws Exception {
        String serviceName = "some_actor_name";
        Tractor.openNursery(root(), an -> {
            an.startActor(serviceName);

            Portal registrar = Tractor.getRegistry();
            System.out.println("Registrar '" + registrar.peer().name() + "' is listening on " + Tractor.currentActor().registryAddress());

            Portal service = Tractor.waitForActor(serviceName);
            System.out.println(service.peer().name() + " is found at " + Tractor.queryActor(serviceName).orElseThrow());

            an.cancel();
        });
    }
}
