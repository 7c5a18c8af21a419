package tractor.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tractor.ActorId;
import tractor.RootOptions;
import tractor.Tractor;
import tractor.testkit.Bounded;

/**
 * A pooled JVM's rehearsal ({@link ChildMain#warmUp()}, {@link WarmUp}): it runs a real actor lifecycle
 * and leaves nothing behind: no temporary directory, no socket file, no thread (the testkit's leak check
 * also fails the test on a leaked platform thread, socket file or sc task), no root holding the JVM.
 */
@Bounded(seconds = 60)
class WarmUpTest {
    private static final Path TMP = Path.of(System.getProperty("java.io.tmpdir"));

    private static Set<Path> list(Path dir, String glob) throws Exception {
        if (dir == null || !Files.isDirectory(dir)) return Set.of();
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> dir.getFileSystem().getPathMatcher("glob:" + glob).matches(p.getFileName())).collect(Collectors.toSet());
        }
    }

    private static Path runtimeDir() {
        String d = System.getProperty("tractor.runtime.dir");
        return d == null ? null : Path.of(d);
    }

    @ParameterizedTest
    @ValueSource(strings = {"uds", "tcp"})
    void aRehearsalRunsAWholeLifecycleAndLeavesNoFilesBehind(String transport) throws Exception {
        Set<Path> dirsBefore = list(TMP, "tractor-warm*");
        Set<Path> socketsBefore = list(runtimeDir(), "*.sock");
        assertEquals(WarmUp.ROUND_TRIPS, WarmUp.rehearse(transport), "the child did not echo every value");
        assertEquals(dirsBefore, list(TMP, "tractor-warm*"), "a rehearsal directory was left behind");
        assertEquals(socketsBefore, list(runtimeDir(), "*.sock"), "a socket file was left behind");
    }

    @Test
    void afterWarmUpARootOpensAndIsAloneInItsRegistry() throws Exception {
        ChildMain.warmUp();
        String registry = "uds://" + runtimeDir().resolve("warm-up-test-" + ProcessHandle.current().pid() + ".sock");
        Tractor.openRoot(RootOptions.of().name("after").transport("uds").registryAddress(registry), root -> {
            List<String> names = Tractor.listActors().keySet().stream().map(ActorId::name).toList();
            assertEquals(List.of("after"), names, "the registry holds entries that are not this root's");
            assertTrue(root.isRegistrar(), "a rehearsal's registrar still answers at " + registry);
        });
    }

    @Test
    void theThreadBackendTheRehearsalNeedsIsFound() {
        assertTrue(WarmUp.threadBackendInstalled(), "the runtime's tests run with the thread backend installed");
    }
}
