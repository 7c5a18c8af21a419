package tractor.runtime;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tractor.ActorOptions;
import tractor.Portal;
import tractor.RootOptions;
import tractor.Tractor;
import tractor.runtime.it.Calls;
import tractor.runtime.it.Secured;
import tractor.testkit.Bounded;

/** A tree over mutual TLS (RootOptions.transportOptions), bound to the wildcard address, no shared secret. */
@Bounded(seconds = 60)
class TlsTreeTest {
    private static final String PASSWORD = "changeit";

    @TempDir
    Path dir;

    @Test
    void treeRunsOverMutualTls() throws Exception {
        Path node = dir.resolve("node.p12"); // one key pair for the tree; its store is the trust store too (the default)
        keytool("-genkeypair", "-alias", "key", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=tractor-node",
                "-validity", "2", "-keystore", node.toString(), "-storetype", "PKCS12", "-storepass", PASSWORD, "-keypass", PASSWORD);
        Map<String, String> tls = Map.of("tls.keyStore", node.toString(), "tls.keyStorePassword", PASSWORD);
        RootOptions o = RootOptions.of().transport("tcp").registryAddress("tcp://0.0.0.0:0").transportOptions(tls);
        assertFalse(o.toString().contains(PASSWORD), "passwords are redacted: " + o);
        Tractor.openNursery(o, n -> {
            ActorRuntime rt = (ActorRuntime) Tractor.currentActor();
            assertTrue(rt.config().transportOptions().security().mutualTls());
            Portal proc = n.startActor("proc", ActorOptions.of().spawnBackend("process").enable(Calls.class, Secured.class));
            Portal thread = n.startActor("thread", ActorOptions.of().spawnBackend("thread").enable(Calls.class));
            assertNotEquals(ProcessHandle.current().pid(), proc.run(Secured::pid), "a child JVM");
            assertEquals(5, proc.run(Calls::add, 2, 3));
            assertEquals(9, thread.run(Calls::add, 4, 5));
            proc.cancelActor();
            thread.cancelActor();
        });
    }

    private static void keytool(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-J-XX:TieredStopAtLevel=1"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        try {
            String out = new String(p.getInputStream().readAllBytes());
            assertTrue(p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0, "keytool " + cmd + ": " + out);
        } finally {
            p.destroyForcibly();
        }
    }
}
