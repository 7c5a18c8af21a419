package tractor.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tractor.ActorId;
import tractor.ActorOptions;
import tractor.RootOptions;
import tractor.RuntimeFailure;
import tractor.Tractor;
import tractor.runtime.it.Discover;
import tractor.testkit.Bounded;
import tractor.transport.spi.Address;
import tractor.transport.spi.Listener;
import tractor.transport.spi.Multiaddr;
import tractor.transport.spi.TransportOptions;

/**
 * tractor's tests/discovery/test_tpt_bind_addrs.py (scenarios 204, 206–213) and
 * tests/ipc/test_multi_tpt.py (246): registrar election by probing, and where a root listens.
 *
 * <p>Not ported: 205 {@code test_probe_channel_close_is_bounded} (closing a probe channel here closes a
 * socket and never waits on the peer, so there is no close to bound).
 */
@Bounded(seconds = 30)
class BindAddressesTest {
    private static final RegistryProbe FAST = new RegistryProbe(3, Duration.ofMillis(300), Duration.ofMillis(10));

    private static ActorRuntime rt() {
        return (ActorRuntime) Tractor.currentActor();
    }

    private static RootBoot.Booted bootBeside(RootOptions o) {
        return RootBoot.boot(o.name("other").registryAddress(rt().registryAddress()), BindAddressesTest.class.getClassLoader());
    }

    private static List<String> addresses(RootBoot.Booted b) {
        return b.listeners().stream().map(l -> l.boundAddress().toString()).toList();
    }

    private static int port(String tcp) {
        return Integer.parseInt(tcp.substring(tcp.lastIndexOf(':') + 1));
    }

    /** 204: the first handshake stalls past the per-attempt timeout; the retry finds the registrar. */
    @Test
    void probeRetriesTransientHandshakeStall() throws Exception {
        Tractor.openRoot(Matrix.root("thread", "tcp"), actor -> {
            InetSocketAddress target = new InetSocketAddress("127.0.0.1", port(actor.registryAddress()));
            try (StallingProxy proxy = new StallingProxy(target, 1)) {
                var tp = rt().config().transport();
                RegistryProbe.Result r = FAST.probe(tp, TransportOptions.DEFAULTS, tp.parseAddress(proxy.address()), ActorId.random("prober"));
                assertEquals(RegistryProbe.Outcome.REGISTRAR, r.outcome(), r.toString());
                assertEquals(2, proxy.accepted(), proxy.toString());
            }
        });
    }

    /** 206: a plain listener that accepts and closes is neither elected nor bound over: the root fails clearly. */
    @Test
    void transportOnlyListenerIsNotRegistrar() throws Exception {
        try (StallingProxy plain = new StallingProxy(null, 0)) {
            RuntimeFailure e = assertThrows(RuntimeFailure.class, () -> Tractor.openRoot(
                    RootOptions.of().spawnBackend("thread").registryAddress(plain.address()), a -> { }));
            assertTrue(e.getMessage().contains("occupied but did not answer"), e.getMessage());
            assertTrue(e.getMessage().contains(plain.address()), "names the address: " + e.getMessage());
            assertTrue(plain.accepted() >= 1, plain.toString());
            try (Socket still = new Socket("127.0.0.1", plain.port())) {
                assertTrue(still.isConnected(), "the plain listener still owns its port");
            }
        }
    }

    /** A listener that never answers the handshake counts as occupied after every attempt stalled. */
    @Test
    void silentListenerIsOccupied() throws Exception {
        try (StallingProxy silent = new StallingProxy(new InetSocketAddress("127.0.0.1", 1), Integer.MAX_VALUE)) {
            RuntimeFailure e = assertThrows(RuntimeFailure.class, () -> RootBoot.boot(
                    RootOptions.of().registryAddress(silent.address()), getClass().getClassLoader(), FAST));
            assertTrue(e.getMessage().contains("occupied but did not answer") && e.getMessage().contains("attempt 3 of 3"), e.getMessage());
            assertEquals(3, silent.accepted(), silent.toString());
        }
    }

    /** 207: probing a live idle registrar says registrar and leaves its peer table empty. */
    @ParameterizedTest
    @ValueSource(strings = {"tcp", "uds"})
    void probePreservesNoPeersState(String transport) throws Exception {
        Tractor.openRoot(Matrix.root("thread", transport), actor -> {
            var cfg = rt().config();
            RegistryProbe.Result r = RegistryProbe.DEFAULT.probe(cfg.transport(), TransportOptions.DEFAULTS, cfg.registryAddress(),
                    ActorId.random("prober"));
            assertEquals(RegistryProbe.Outcome.REGISTRAR, r.outcome(), r.toString());
            assertEquals(List.of(), rt().peers().all(), "a probe is never served as a peer");
        });
    }

    /** 208 (bind equal to the registry address): the registrar listens once, on the registry address. */
    @Test
    void registrarBindEqualsRegistry() throws Exception {
        String reg = Matrix.registry("uds");
        Tractor.openRoot(RootOptions.of().transport("uds").registryAddress(reg).bindAddresses(reg), actor -> {
            assertEquals(List.of(reg), rt().addresses());
            assertTrue(actor.isRegistrar());
        });
    }

    /** 208, 212 (disjoint binds): the registrar listens on the union, the registry address first, each reachable. */
    @ParameterizedTest
    @ValueSource(strings = {"tcp", "uds"})
    void registrarBindsUnion(String transport) throws Exception {
        String bind = Matrix.registry(transport);
        Tractor.openRoot(Matrix.root("thread", transport).bindAddresses(bind), actor -> {
            List<String> addrs = rt().addresses();
            assertEquals(2, addrs.size(), addrs.toString());
            assertEquals(actor.registryAddress(), addrs.get(0));
            assertNotEquals(addrs.get(0), addrs.get(1));
            if (transport.equals("uds")) assertEquals(bind, addrs.get(1));
            else assertTrue(port(addrs.get(0)) > 0 && port(addrs.get(1)) > 0, addrs.toString());
            for (String a : addrs) {
                try (Channel ch = Connect.open(rt().config(), rt().config().transport().parseAddress(a), rt().aid(true))) {
                    assertEquals(actor.uid().uuid(), ch.peer().uuid(), "the root answers at " + a);
                }
            }
        });
    }

    /** 209: a non-registrar root listens on exactly its bind addresses, not on the registry address. */
    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void nonRegistrarBindsExactly(int count) throws Exception {
        Tractor.openRoot(Matrix.root("thread", "tcp"), actor -> {
            String[] binds = new String[count];
            for (int i = 0; i < count; i++) binds[i] = "tcp://127.0.0.1:0";
            RootBoot.Booted b = bootBeside(RootOptions.of().bindAddresses(binds));
            try {
                assertFalse(b.config().registrar());
                List<String> addrs = addresses(b);
                assertEquals(count, addrs.size(), addrs.toString());
                for (String a : addrs) {
                    assertTrue(port(a) > 0, a);
                    assertNotEquals(actor.registryAddress(), a);
                }
            } finally {
                b.listeners().forEach(Listener::close);
            }
        });
    }

    /** 210: a non-registrar without bind addresses listens on a free address beside the registry's. */
    @ParameterizedTest
    @ValueSource(strings = {"tcp", "uds"})
    void nonRegistrarDefaultsToRandomBindBesideRegistry(String transport) throws Exception {
        Tractor.openRoot(Matrix.root("thread", transport), actor -> {
            RootBoot.Booted b = bootBeside(RootOptions.of().transport(transport));
            try {
                String a = addresses(b).getFirst();
                String reg = actor.registryAddress();
                assertEquals(1, b.listeners().size());
                assertNotEquals(reg, a);
                if (transport.equals("tcp")) {
                    assertEquals(reg.substring(0, reg.lastIndexOf(':')), a.substring(0, a.lastIndexOf(':')), "same host");
                } else {
                    assertEquals(Path.of(reg.substring(6)).getParent(), Path.of(a.substring(6)).getParent(), "same directory");
                }
            } finally {
                b.listeners().forEach(Listener::close);
            }
        });
    }

    /** 211: bind addresses given as multiaddrs are parsed and bound. */
    @Test
    void bindAddressesAsMultiaddrs() throws Exception {
        Tractor.openRoot(Matrix.root("thread", "tcp"), actor -> {
            RootBoot.Booted b = bootBeside(RootOptions.of().bindAddresses("/ip4/127.0.0.1/tcp/0"));
            try {
                String a = addresses(b).getFirst();
                assertTrue(a.startsWith("tcp://127.0.0.1:") && port(a) > 0, a);
                assertTrue(Multiaddr.of(a).startsWith("/ip4/127.0.0.1/tcp/"), Multiaddr.of(a));
            } finally {
                b.listeners().forEach(Listener::close);
            }
        });
    }

    /** 213: the bind addresses given to an implicit root's nursery are honoured. */
    @Test
    void openNurseryForwardsBindAddresses() throws Exception {
        String bind = Matrix.registry("uds");
        Tractor.openNursery(Matrix.root("thread", "uds").bindAddresses(bind), an -> assertTrue(rt().addresses().contains(bind),
                rt().addresses().toString()));
    }

    /** 246: a child uses the root's transport for its own server; the registry address's transport must match. */
    @ParameterizedTest
    @MethodSource("tractor.runtime.Matrix#pairs")
    void rootPassesTransportToChild(String backend, String transport) throws Exception {
        Tractor.openNursery(Matrix.root(backend, transport), an -> {
            var p = an.startActor("sub", ActorOptions.of().enable(Discover.class));
            String addr = p.run(Discover::myAddress);
            assertTrue(addr.startsWith(transport + "://"), addr);
            assertEquals(Tractor.currentActor().registryAddress(), p.run(Discover::myRegistry));
            rt().config().transport().parseAddress(addr); // a valid address of the transport
            an.cancel();
        });
    }

    /** 246: a registry or bind address of another transport is refused, naming the transport and the option. */
    @Test
    void addressOfAnotherTransportIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Tractor.openRoot(
                RootOptions.of().transport("tcp").registryAddress("/unix/tmp/registry.sock"), a -> { }));
        assertTrue(e.getMessage().contains("transport \"tcp\"") && e.getMessage().contains("registryAddress"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Tractor.openRoot(
                RootOptions.of().transport("uds").registryAddress(Matrix.registry("uds")).bindAddresses("tcp://127.0.0.1:0"), a -> { }));
        assertTrue(e.getMessage().contains("transport \"uds\"") && e.getMessage().contains("bindAddresses"), e.getMessage());
    }

    /** 226: the generic address parser takes multiaddrs too, through the transports found. */
    @Test
    void addressParseTakesMultiaddrs() {
        Address tcp = Address.parse("/ip4/127.0.0.1/tcp/9999");
        assertEquals("tcp", tcp.transport());
        assertEquals("tcp://127.0.0.1:9999", tcp.toString());
        assertEquals("tcp://[::1]:5678", Address.parse("/ip6/::1/tcp/5678").toString());
        Address uds = Address.parse("/unix/tmp/tractor_test/test.sock");
        assertEquals("uds", uds.transport());
        assertEquals("uds:///tmp/tractor_test/test.sock", uds.toString());
        assertEquals(uds, Address.parse(Multiaddr.of(uds)));
    }
}
