package tractor.spawn.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tractor.Portal;
import tractor.Tractor;
import tractor.spawn.spi.ChildEntry;
import tractor.spawn.spi.ChildHandle;
import tractor.spawn.spi.SpawnRequest;
import tractor.testkit.Bounded;

/** The ssh backend on its own against host B's sshd: environment, hard stop, jar shipping. */
@Bounded(seconds = 60)
class SshBackendTest {
    static TwoHosts hosts;

    @BeforeAll
    static void up() throws Exception {
        hosts = TwoHosts.open(true);
    }

    @AfterAll
    static void down() throws Exception {
        if (hosts != null) hosts.close();
    }

    private static SpawnRequest request(String name, String uuid, Class<?> main, List<String> args, Map<String, String> env) {
        return new SpawnRequest(name, uuid, new ChildEntry(null, main.getName(), null), args, env, List.of(), hosts.sshd.options());
    }

    @Test
    void theEnvironmentArrivesOnStdinAndNeverOnACommandLine() throws Exception {
        String secret = "s3cret-" + System.nanoTime();
        String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        try (SshBackend backend = new SshBackend()) {
            ChildHandle c = backend.spawn(request("env_probe", "u1", EnvProbeMain.class, List.of(hash), Map.of("TRACTOR_SECRET", secret, "OTHER", "a b 'c'")));
            assertEquals(0, c.onExit().get(30, TimeUnit.SECONDS), "the probe's verdict (2: wrong value, 3: on a command line); stderr: " + c.stderrTail());
        }
    }

    @Test
    void aHardStopKillsARemoteChildThatIgnoresItsInput() throws Exception {
        PrintStream out = System.out;
        LineWatch sleeping = new LineWatch(out, l -> l.equals("[ignorer@" + TwoHosts.B + "] sleeping"));
        System.setOut(sleeping.printStream());
        try (SshBackend backend = new SshBackend()) {
            // the uuid on its command line, as the runtime's children have it: the remote kill checks it
            String uuid = "ignorer-" + System.nanoTime();
            ChildHandle c = backend.spawn(request("ignorer", uuid, IgnoresInputMain.class, List.of(uuid), Map.of()));
            sleeping.seen().get(30, TimeUnit.SECONDS);
            ProcessHandle remote = ProcessHandle.of(c.pid().orElseThrow()).orElseThrow();
            assertTrue(c.describe().contains("on root@" + TwoHosts.B), c.describe());
            c.softStop(); // end of input: this child does not read it, so it keeps running
            assertTrue(remote.isAlive());
            c.hardStop();
            remote.onExit().get(15, TimeUnit.SECONDS);
            c.onExit().get(15, TimeUnit.SECONDS);
        } finally {
            System.setOut(out);
        }
    }

    @Test
    void shippedJarsAreCopiedOnceAndTheChildRunsFromTheCache() throws Exception {
        Path cache = Files.createTempDirectory("tractor-jar-cache");
        try {
            var opts = Roots.onB(hosts.sshd).backendOption("shipJars", "true").backendOption("jarCache", cache.toString());
            String cp = runClassPath(opts);
            List<String> entries = List.of(cp.split(":"));
            String real = cache.toRealPath() + "/";
            assertTrue(entries.stream().allMatch(e -> e.startsWith(real) && e.endsWith(".jar")), cp);
            Map<Path, FileTime> copied = times(cache);
            assertEquals(entries.size(), copied.size(), "one jar per class-path entry: " + copied.keySet());
            assertEquals(cp, runClassPath(opts), "the same content gives the same names");
            assertEquals(copied, times(cache), "nothing is copied a second time");
        } finally {
            try (Stream<Path> w = Files.walk(cache)) {
                for (Path f : w.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(f);
            }
        }
    }

    /** Runs a root (a new backend each time) whose ssh child reports its class path. */
    private static String runClassPath(tractor.ActorOptions o) throws Exception {
        String[] cp = new String[1];
        Tractor.openNursery(Roots.onA("shipper"), n -> {
            Portal p = n.startActor("shipped", o);
            cp[0] = p.run(Remote::classPath);
            p.cancelActor();
        });
        return cp[0];
    }

    private static Map<Path, FileTime> times(Path dir) throws Exception {
        Map<Path, FileTime> m = new HashMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) m.put(f.getFileName(), Files.getLastModifiedTime(f));
        }
        return m;
    }
}
