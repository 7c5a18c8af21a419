package tractor.runtime;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tractor.ActorOptions;
import tractor.Portal;
import tractor.RootOptions;
import tractor.RuntimeFailure;
import tractor.Tractor;
import tractor.TransportClosed;
import tractor.runtime.it.Secured;
import tractor.testkit.Bounded;
import tractor.transport.spi.AuthenticationFailed;
import tractor.transport.spi.FrameChannel;
import tractor.transport.spi.SharedSecret;
import tractor.transport.spi.TransportException;
import tractor.transport.spi.TransportOptions;

/** Fault E.37 through the runtime: authenticated trees, refused peers, secret sources. */
@Bounded(seconds = 60)
class SecurityTest {
    private static final String SECRET = "tree-secret-7f3a";

    @TempDir
    Path tmp;

    /** E.37: a root bound to a non-loopback address without a secret does not start. */
    @Test
    void nonLoopbackBindWithoutSecretIsAConfigurationError() {
        RootOptions o = RootOptions.of().transport("tcp").registryAddress("tcp://0.0.0.0:0");
        var e = assertThrows(TransportException.class, () -> Tractor.openRoot(o, a -> fail("started")));
        assertTrue(e.getMessage().contains("configuration error") && e.getMessage().contains("0.0.0.0"), e.getMessage());
    }

    /**
     * A whole tree on TCP bound to 0.0.0.0 with a secret: a process child (which gets the secret in its
     * environment, never on its command line) and a thread child (in memory) serve calls.
     */
    @Test
    void treeWithSecretOnAWildcardAddress() throws Exception {
        RootOptions o = RootOptions.of().transport("tcp").registryAddress("tcp://0.0.0.0:0").secret(SECRET);
        Tractor.openNursery(o, n -> {
            String a = Tractor.currentActor().address();
            assertTrue(a.startsWith("tcp://0.0.0.0:") || a.startsWith("tcp://[0:0:0:0:0:0:0:0]:"), "the wildcard: " + a);
            Portal proc = n.startActor("proc", ActorOptions.of().spawnBackend("process").enable(Secured.class));
            Portal thread = n.startActor("thread", ActorOptions.of().spawnBackend("thread").enable(Secured.class));
            assertNotEquals(ProcessHandle.current().pid(), proc.run(Secured::pid), "a child JVM");
            assertEquals(SECRET, proc.run(Secured::environmentSecret), "the process child got the secret in its environment");
            assertFalse(proc.run(Secured::commandLine).contains(SECRET), "and not on its command line");
            assertEquals(ProcessHandle.current().pid(), thread.run(Secured::pid), "an in-JVM child");
            int touched = Secured.TOUCHED.get();
            assertEquals(touched + 1, thread.run(Secured::touch), "the thread child serves calls");
            proc.cancelActor();
            thread.cancelActor();
        });
    }

    /**
     * E.37: a peer with a wrong secret, or none, never reaches RPC: the same hand-made {@code Aid} and
     * {@code Start} run the endpoint when sent with the right secret only.
     */
    @Test
    void peerWithWrongSecretNeverReachesRpc() throws Exception {
        RootOptions o = RootOptions.of().transport("tcp").registryAddress("tcp://127.0.0.1:0").secret(SECRET).enable(Secured.class);
        Tractor.openRoot(o, actor -> {
            ActorRuntime rt = (ActorRuntime) actor;
            int before = Secured.TOUCHED.get();
            var e = assertThrows(AuthenticationFailed.class,
                    () -> Connect.open(withOptions(rt.config(), secret("wrong")), rt.boundAddress(), rt.aid(false)));
            assertTrue(e.getMessage().contains("authentication") && e.getMessage().contains("failed"), e.getMessage());

            assertThrows(TransportClosed.class, () -> blindCall(rt, TransportOptions.DEFAULTS), "no secret at all");
            assertThrows(TransportClosed.class, () -> blindCall(rt, secret("wrong")), "a wrong secret");
            assertEquals(before, Secured.TOUCHED.get(), "the endpoint never ran");

            Msg reply = blindCall(rt, secret(SECRET));
            assertInstanceOf(Msg.StartAck.class, reply, "the control: the right secret reaches RPC: " + reply);
            assertEquals(before + 1, Secured.TOUCHED.get());
        });
    }

    /** A peer without any secret learns why it was refused, in its {@code Aid} handshake. */
    @Test
    void peerWithoutSecretIsToldWhy() throws Exception {
        RootOptions o = RootOptions.of().transport("tcp").registryAddress("tcp://127.0.0.1:0").secret(SECRET);
        Tractor.openRoot(o, actor -> {
            ActorRuntime rt = (ActorRuntime) actor;
            var e = assertThrows(AuthenticationFailed.class,
                    () -> Connect.open(withOptions(rt.config(), TransportOptions.DEFAULTS), rt.boundAddress(), rt.aid(false)));
            assertTrue(e.getMessage().contains("requires a shared secret and none is configured here"), e.getMessage());
        });
    }

    /** Sends an {@code Aid} and a {@code Start} of {@link Secured#touch} without waiting, then reads the answer. */
    private static Msg blindCall(ActorRuntime rt, TransportOptions options) throws Exception {
        FrameChannel f = rt.config().transport().connect(rt.boundAddress(), options);
        try (Channel ch = new Channel(f, ChannelOptions.DEFAULTS, CodecLimits.DEFAULT)) {
            ch.send(new Msg.Aid("intruder", "0badc0de", ProcessHandle.current().pid(), false, false));
            ch.send(new Msg.Start("c1", Secured.class.getName(), "touch", Args.encode(rt.payloadCodec(), new Object[0]),
                    new Uid("intruder", "0badc0de")));
            Msg first = ch.receiveOne(Duration.ofSeconds(5));
            assertInstanceOf(Msg.Aid.class, first, "the peer's identity comes first");
            return ch.receiveOne(Duration.ofSeconds(5));
        }
    }

    /** A secret file that group or others may read is refused before anything starts; a private one works. */
    @Test
    void secretFileWithLoosePermissionsIsRefused() throws Exception {
        Path file = Files.writeString(tmp.resolve("secret"), SECRET + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        RootOptions o = Matrix.root("thread", "tcp").secretFile(file);
        var e = assertThrows(RuntimeFailure.class, () -> Tractor.openRoot(o, a -> fail("started")));
        assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("rw-r--r--"), e.getMessage());
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        Tractor.openRoot(o, a -> assertEquals(SharedSecret.of(SECRET),
                ((ActorRuntime) a).config().transportOptions().security().secret(), "the file's text without its line break"));
        Path link = Files.createSymbolicLink(tmp.resolve("link"), file);
        var l = assertThrows(RuntimeFailure.class, () -> Tractor.openRoot(Matrix.root("thread", "tcp").secretFile(link), a -> fail("started")));
        assertTrue(l.getMessage().contains("not a regular file"), l.getMessage());
    }

    /** The sources in order: the option wins over the file, the file over the environment. */
    @Test
    void secretSourcesInOrder() throws Exception {
        Path file = Files.writeString(tmp.resolve("secret"), "from-file");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        Map<String, String> env = Map.of(Secrets.ENV, "from-env", Secrets.ENV_FILE, file.toString());
        assertEquals(SharedSecret.of("from-option"), Secrets.resolve(RootOptions.of().secret("from-option").secretFile(file), env));
        assertEquals(SharedSecret.of("from-file"), Secrets.resolve(RootOptions.of().secretFile(file), env));
        assertEquals(SharedSecret.of("from-env"), Secrets.resolve(RootOptions.of(), env));
        assertEquals(SharedSecret.of("from-file"), Secrets.resolve(RootOptions.of(), Map.of(Secrets.ENV_FILE, file.toString())));
        assertNull(Secrets.resolve(RootOptions.of(), Map.of()));
        assertFalse(RootOptions.of().secret("from-option").toString().contains("from-option"), "toString redacts the secret");
    }

    /**
     * What an in-JVM child with a class loader of its own gets (two extra arguments of its {@code main}):
     * the secret and the TLS settings come back intact, and nothing without them.
     */
    @Test
    void isolatedChildArgumentsCarryTheSecurity() {
        Map<String, String> tls = Map.of("tls.keyStore", "/x/node.p12", "tls.keyStorePassword", "p=w");
        TransportOptions parent = Secrets.options(SharedSecret.of(SECRET), tls, ChannelOptions.DEFAULTS);
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("tcp://127.0.0.1:1", "c", "u", ChildMain.IN_JVM, ""));
        args.addAll(Secrets.inJvmArgs(parent));
        var got = Secrets.fromInJvmArgs(args, ChannelOptions.DEFAULTS);
        assertEquals(SharedSecret.of(SECRET), got.secret());
        assertEquals(tls, got.settings());
        assertNull(Secrets.fromInJvmArgs(args.subList(0, 5), ChannelOptions.DEFAULTS), "a child of a tree without security");
        var none = Secrets.fromInJvmArgs(java.util.List.of("a", "b", "c", "d", "", "", ""), ChannelOptions.DEFAULTS);
        assertFalse(none.handshakes());
    }

    private static TransportOptions secret(String s) {
        return Secrets.options(SharedSecret.of(s), Map.of(), ChannelOptions.DEFAULTS);
    }

    private static ActorConfig withOptions(ActorConfig c, TransportOptions t) {
        return new ActorConfig(c.id(), c.root(), c.registrar(), c.enabled(), c.loader(), c.transport(), t, c.channelOptions(),
                c.limits(), c.registryAddress(), c.teardown(), c.defaultBackend(), c.parentChannel(), c.logLevel());
    }
}
