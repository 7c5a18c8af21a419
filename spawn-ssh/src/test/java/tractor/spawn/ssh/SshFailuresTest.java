package tractor.spawn.ssh;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tractor.ActorOptions;
import tractor.ActorStartupError;
import tractor.Tractor;
import tractor.testkit.Bounded;

/**
 * Every failure of an ssh spawn is an {@link ActorStartupError} naming the host and the step, with
 * ssh's stderr tail: host unreachable, key refused, no JDK 25 on the host, jar copy failed.
 */
@Bounded(seconds = 40)
class SshFailuresTest {
    static TwoHosts hosts;

    @BeforeAll
    static void up() throws Exception {
        hosts = TwoHosts.open(true);
    }

    @AfterAll
    static void down() throws Exception {
        if (hosts != null) hosts.close();
    }

    private static String spawnFails(ActorOptions o) {
        ActorStartupError e = assertThrows(ActorStartupError.class,
                () -> Tractor.openNursery(Roots.onA("failing_root"), n -> n.startActor("never", o)));
        System.out.println(e.getMessage());
        return e.getMessage();
    }

    private static void assertNames(String message, String... parts) {
        for (String p : parts) assertTrue(message.contains(p), "\"" + p + "\" in: " + message);
    }

    @Test
    void aHostWithNothingListeningIsAConnectFailure() {
        String m = spawnFails(Roots.onB(hosts.sshd).backendOption("port", "1"));
        assertNames(m, "never", "host root@" + TwoHosts.B + ":1", "step connect", "Connection refused");
    }

    @Test
    void aKeyTheHostDoesNotAcceptIsAnAuthenticationFailure() {
        String m = spawnFails(Roots.onB(hosts.sshd).backendOption("identity", hosts.sshd.otherKey.toString()));
        assertNames(m, "host root@" + TwoHosts.B, "step authenticate", "Permission denied");
    }

    @Test
    void aJdkOlderThan25IsRefused() throws Exception {
        Optional<Path> old;
        try (Stream<Path> jdks = Files.list(Path.of("/usr/lib/jvm"))) {
            old = jdks.filter(p -> p.getFileName().toString().matches(".*-17-.*|.*-21-.*") && Files.isExecutable(p.resolve("bin/java"))).findFirst();
        }
        assumeTrue(old.isPresent(), "needs a JDK 17 or 21 in /usr/lib/jvm to stand for an old remote JDK");
        String m = spawnFails(Roots.onB(hosts.sshd).backendOption("javaHome", old.get().toString()));
        assertNames(m, "host root@" + TwoHosts.B, "step find JDK", "needs 25 or later", old.get().toString());
    }

    @Test
    void aJavaHomeWithoutJavaIsRefused() {
        String m = spawnFails(Roots.onB(hosts.sshd).backendOption("javaHome", "/nonexistent/jdk"));
        assertNames(m, "step find JDK", "no java at /nonexistent/jdk/bin/java");
    }

    @Test
    void aJarCacheThatCannotBeWrittenFailsTheCopy() {
        String m = spawnFails(Roots.onB(hosts.sshd).backendOption("shipJars", "true").backendOption("jarCache", "/proc/tractor-jars"));
        assertNames(m, "host root@" + TwoHosts.B, "step ship jars", "/proc/tractor-jars");
    }
}
