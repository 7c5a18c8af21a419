package tractor.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import tractor.RootOptions;
import tractor.Tractor;
import tractor.testkit.Bounded;

/** The two programs of service daemon discovery: {@link ServiceDaemon} started on its own, then {@link DaemonClient}. */
@Bounded(seconds = 60)
class DaemonDiscoveryTest {
    @Test
    void aClientProgramFindsTheDaemonByName() throws Exception {
        try (Jvm daemon = new Jvm(ServiceDaemon.class, ExampleRoot.REGISTRY_PROPERTY + "=tcp://127.0.0.1:0")) {
            String serving = daemon.awaitLine("greeter daemon serving at ", Duration.ofSeconds(30));
            String addr = serving.substring(serving.lastIndexOf(' ') + 1);
            long daemonPid = ProcessHandle.current().children().findFirst().orElseThrow().pid();

            System.setProperty(ExampleRoot.REGISTRY_PROPERTY, addr);
            List<String> lines;
            try {
                lines = Output.of(DaemonClient::main);
            } finally {
                System.clearProperty(ExampleRoot.REGISTRY_PROPERTY);
            }
            assertEquals("client is the registrar: false", lines.get(0), lines.toString());
            assertEquals("no_such_service found: false", lines.get(1), lines.toString());
            assertEquals("hello client, this is 'greeter' in pid " + daemonPid, lines.get(2), lines.toString());
            assertEquals("hello asker, this is 'greeter' in pid " + daemonPid, lines.getLast(), lines.toString());

            // the daemon serves until a peer cancels it
            Tractor.openRoot(RootOptions.of().registryAddress(addr), a -> assertTrue(Tractor.findActor("greeter").orElseThrow().cancelActor()));
            assertEquals(0, daemon.awaitExit(Duration.ofSeconds(20)), daemon.lines().toString());
            assertEquals("greeter daemon cancelled", daemon.lines().getLast(), daemon.lines().toString());
        }
    }
}
