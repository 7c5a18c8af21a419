package tractor.spawn.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tractor.spawn.spi.SpawnException;

/**
 * The preparation script run by this host's {@code sh} (what the remote host runs), and the failures
 * that need no remote host: no host given, nothing listening.
 */
class RemoteJdkTest {
    record Run(int status, String out) {}

    static Run sh(String script) throws Exception {
        Process p = new ProcessBuilder("sh", "-c", script).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes());
        return new Run(p.waitFor(), out);
    }

    @Test
    void theProbeFindsAJdk25OrLaterAndListsMissingJars() throws Exception {
        Path cache = Files.createTempDirectory("tractor-probe");
        try {
            Files.writeString(cache.resolve("aaaa.jar"), "present");
            Run r = sh(RemoteJdk.script(null, cache.toString(), List.of("aaaa", "bbbb")));
            assertEquals(0, r.status(), r.out());
            String java = r.out().lines().filter(l -> l.startsWith("java=")).findFirst().orElseThrow().substring(5);
            Process v = new ProcessBuilder(java, "-version").redirectErrorStream(true).start();
            String version = new String(v.getInputStream().readAllBytes());
            v.waitFor();
            assertTrue(Runtime.Version.parse(version.replaceAll("(?s).*version \"([^\"]+)\".*", "$1")).feature() >= 25, version);
            assertTrue(r.out().contains("cache=" + cache.toRealPath()), r.out());
            assertEquals(List.of("missing=bbbb"), r.out().lines().filter(l -> l.startsWith("missing=")).toList());
        } finally {
            try (var w = Files.walk(cache)) {
                for (Path f : w.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(f);
            }
        }
    }

    @Test
    void aJavaHomeThatIsNoJdkFailsWithItsOwnStatus() throws Exception {
        Run r = sh(RemoteJdk.script("/nonexistent", null, List.of()));
        assertEquals(RemoteJdk.NO_JDK, r.status());
        assertTrue(r.out().contains("no java at /nonexistent/bin/java"), r.out());
    }

    @Test
    void noHostIsRefusedBeforeAnySession() {
        SpawnException e = assertThrows(SpawnException.class, () -> SshTarget.of(Map.of()));
        assertTrue(e.getMessage().contains("\"host\" is required"), e.getMessage());
        assertThrows(SpawnException.class, () -> SshTarget.of(Map.of("host", "-oProxyCommand=x")));
    }

    @Test
    void nothingListeningIsAConnectFailureNamingTheHost() {
        SshTarget t = SshTarget.of(Map.of("host", "127.0.0.1", "port", "1", "connectTimeout", "5"));
        SpawnException e = assertThrows(SpawnException.class, () -> RemoteJdk.probe(t, null, null, List.of(), java.time.Duration.ofSeconds(20)));
        assertTrue(e.getMessage().contains("host 127.0.0.1:1: step connect failed"), e.getMessage());
        assertTrue(e.getMessage().contains("Connection refused"), e.getMessage());
    }
}
