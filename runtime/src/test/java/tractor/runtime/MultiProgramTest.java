package tractor.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tractor.ActorOptions;
import tractor.Portal;
import tractor.RegistryUnavailable;
import tractor.RootOptions;
import tractor.RuntimeFailure;
import tractor.Tractor;
import tractor.runtime.it.Calls;
import tractor.runtime.it.Discover;
import tractor.runtime.it.OtherProgram;
import tractor.runtime.it.RegistrarDaemon;
import tractor.testkit.Bounded;

/**
 * Several separately started programs around one registry: a second program finds this one's actors
 * by name and the other way round; a registrar run as a daemon program (tractor's {@code run_daemon},
 * scenarios 193 and 195 with a remote registrar), {@code ensureRegistry} against it, and the registrar
 * dying under a live tree (fault B.24).
 */
@Bounded(seconds = 60)
class MultiProgramTest {
    private static final Duration BOOT = Duration.ofSeconds(20);

    private static Set<String> registryNames() {
        Object reg = ((PortalImpl) Tractor.getRegistry()).callSelf("get_registry", Map.of());
        return ((Map<?, ?>) reg).keySet().stream().map(k -> String.valueOf(k).substring(0, String.valueOf(k).indexOf('.')))
                .collect(Collectors.toSet());
    }

    private static int registrySize() {
        return ((Map<?, ?>) ((PortalImpl) Tractor.getRegistry()).callSelf("get_registry", Map.of())).size();
    }

    /** Two programs on one registry form one discoverable set; a peer program's root is cancelled by name. */
    @ParameterizedTest
    @ValueSource(strings = {"tcp", "uds"})
    void twoProgramsFormOneDiscoverableSet(String transport) throws Exception {
        Tractor.openNursery(Matrix.root("thread", transport), an -> {
            an.startActor("alpha", ActorOptions.of().enable(Calls.class));
            try (Program other = new Program(OtherProgram.class, Tractor.currentActor().registryAddress())) {
                other.awaitLine("READY", BOOT);
                assertTrue(other.output().contains("other is registrar: false"), other.output().toString());
                assertTrue(other.output().contains("beta found alpha"), "the other program found alpha: " + other.output());
                assertEquals("beta", Tractor.waitForActor("beta").run(Calls::whoAmI), "this program finds beta");
                assertEquals(Set.of("root", "alpha", "other", "beta"), registryNames());

                assertTrue(Tractor.findActor("other").orElseThrow().cancelActor());
                assertEquals(0, other.awaitExit(BOOT), other.output().toString());
                assertTrue(other.output().contains("other done"), other.output().toString());
            }
            assertEquals(Set.of("root", "alpha"), registryNames(), "the other program's actors unregistered");
            an.cancel();
        });
    }

    /**
     * A registrar daemon program: ensureRegistry against it fails naming its address; a root of this
     * program registers with it, its children too, every one of them finds the daemon by name; the
     * daemon ends when a peer cancels it.
     */
    @ParameterizedTest
    @ValueSource(strings = {"tcp", "uds"})
    void registrarDaemonServesOtherPrograms(String transport) throws Exception {
        try (Program daemon = new Program(RegistrarDaemon.class, Matrix.registry(transport))) {
            String addr = daemon.awaitLine("SERVING ", BOOT).substring("SERVING ".length());
            RuntimeFailure e = assertThrows(RuntimeFailure.class, () -> Tractor.openRoot(
                    RootOptions.of().transport(transport).registryAddress(addr).ensureRegistry(true), a -> { }));
            assertTrue(e.getMessage().contains(addr) && e.getMessage().contains("already served by a registrar"), e.getMessage());

            Tractor.openNursery(RootOptions.of().spawnBackend("thread").transport(transport).registryAddress(addr), an -> {
                assertFalse(Tractor.currentActor().isRegistrar());
                Portal kid = an.startActor("kid", ActorOptions.of().enable(Calls.class, Discover.class));
                assertEquals("kid", kid.run(Calls::whoAmI));
                assertEquals(3, registrySize(), "children + 2 (this root and the remote registrar): " + registryNames());
                assertEquals("registrar", Tractor.findActor("registrar").orElseThrow().run(Calls::whoAmI));
                assertEquals("registrar", kid.run(Discover::findAndAsk, "registrar"), "found from anywhere in the tree");
                an.cancel();
                assertEquals(Set.of("registrar", "root"), registryNames(), "back to 2 once the children are cancelled");
                assertTrue(Tractor.getRegistry().cancelActor());
            });
            assertEquals(0, daemon.awaitExit(BOOT), daemon.output().toString());
            assertTrue(daemon.output().contains("daemon done"), daemon.output().toString());
        }
    }

    /**
     * B.24: the registrar dies under a live tree: lookups fail with RegistryUnavailable within the
     * connect timeout, channels already open to other actors keep working, and the tree tears down.
     */
    @ParameterizedTest
    @ValueSource(strings = {"tcp", "uds"})
    void registrarDiesUnderALiveTree(String transport) throws Exception {
        String registry = Matrix.registry(transport);
        try (Program daemon = new Program(RegistrarDaemon.class, registry)) {
            String addr = daemon.awaitLine("SERVING ", BOOT).substring("SERVING ".length());
            long[] teardown = new long[1];
            Tractor.openNursery(RootOptions.of().spawnBackend("thread").transport(transport).registryAddress(addr), an -> {
                Portal kid = an.startActor("kid", ActorOptions.of().enable(Calls.class, Discover.class));
                assertEquals("kid", Tractor.waitForActor("kid").run(Calls::whoAmI));
                tractor.sc.Nursery.run(n -> {
                    n.startSoon("waiter", () -> assertThrows(RegistryUnavailable.class, () -> Tractor.waitForActor("never")));
                    daemon.kill(); // a waiting (or about to wait) lookup fails too, never hangs
                });

                long t0 = System.nanoTime();
                RegistryUnavailable gone = assertThrows(RegistryUnavailable.class, () -> Tractor.findActor("kid"));
                assertEquals(addr, gone.address());
                assertTrue(gone.getMessage().contains(addr), gone.getMessage());
                assertThrows(RegistryUnavailable.class, () -> Tractor.waitForActor("kid"));
                assertThrows(RegistryUnavailable.class, () -> Tractor.queryActor("kid"));
                tractor.RemoteActorError boxed = assertThrows(tractor.RemoteActorError.class, () -> kid.run(Discover::findAndAsk, "x"));
                assertEquals(RegistryUnavailable.class.getName(), boxed.boxedTypeName(), "a child sees it too: " + boxed);
                assertTrue(Procs.secondsSince(t0) < 5, "failed within the connect timeout (5 s): " + Procs.secondsSince(t0));
                assertEquals("kid", kid.run(Calls::whoAmI), "the open channel to kid is unaffected");
                teardown[0] = System.nanoTime();
                an.cancel();
            });
            assertTrue(Procs.secondsSince(teardown[0]) < 10, "torn down without the registrar: " + Procs.secondsSince(teardown[0]));
        } finally {
            // a SIGKILLed registrar leaves its socket file behind (tractor's reaper sweeps such files)
            if (registry.startsWith("uds://")) java.nio.file.Files.deleteIfExists(java.nio.file.Path.of(registry.substring(6)));
        }
    }

}
