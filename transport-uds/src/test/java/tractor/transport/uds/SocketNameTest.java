package tractor.transport.uds;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tractor.testkit.Bounded;
import tractor.transport.spi.TransportOptions;

/** Socket file names, tractor's scenario 242 ({@code test_uds_sockname_compaction}, Linux's 108-byte limit). */
@Bounded(seconds = 10)
class SocketNameTest {
    static final Path DIR = Path.of("/run/user/1000/tractor");
    static final String SUFFIX = "@4242.sock";

    /** 242: a safe short name is kept: {@code <name>@<pid>.sock}. */
    @Test
    void safeShortNameIsKept() {
        assertEquals("registry@4242.sock", SocketName.of(DIR, "registry", SUFFIX));
        assertEquals("worker_1.a-b@4242.sock", SocketName.of(DIR, "worker_1.a-b", SUFFIX));
    }

    /** 242: the transport's addresses are {@code <name>@<pid>-<n>.sock} in the runtime dir, each one new. */
    @Test
    void transportAddressIsNameAtPid() {
        UdsAddress a = new UdsTransport().anyAddress("worker", TransportOptions.DEFAULTS);
        UdsAddress b = new UdsTransport().anyAddress("worker", TransportOptions.DEFAULTS);
        assertEquals(RuntimeDir.path(), a.path().getParent());
        String prefix = "worker@" + ProcessHandle.current().pid() + "-";
        assertTrue(a.path().getFileName().toString().matches(java.util.regex.Pattern.quote(prefix) + "[0-9]+\\.sock"), a.toString());
        assertNotEquals(a, b);
    }

    static java.util.List<String> badNames() {
        return java.util.List.of("../../etc/evil", "a/b", ".hidden", "sp ace", "ünïcode", "..", "x".repeat(200));
    }

    /** 242: long or unsafe names are compacted deterministically, keep the suffix, stay in the dir and fit. */
    @ParameterizedTest
    @MethodSource("badNames")
    void longOrUnsafeNamesAreCompacted(String name) {
        String f = SocketName.of(DIR, name, SUFFIX);
        assertEquals(f, SocketName.of(DIR, name, SUFFIX), "deterministic");
        assertTrue(f.endsWith(SUFFIX), f);
        assertTrue(f.matches("[A-Za-z0-9_-][A-Za-z0-9_.-]*~[0-9a-f]{8}" + SUFFIX.replace(".", "\\.")), f);
        Path p = DIR.resolve(f);
        assertEquals(DIR, p.normalize().getParent(), "never escapes the bindspace: " + p);
        assertTrue(p.toString().getBytes(StandardCharsets.UTF_8).length <= 107, p + " fits the 108-byte sun_path");
        assertNotEquals(f, SocketName.of(DIR, name + "2", SUFFIX), "distinct names stay distinct");
    }

    /** 242: a name that would overflow only in a deep directory is compacted to exactly fill the limit. */
    @Test
    void deepDirectoryCompactsToTheLimit() {
        Path deep = Path.of("/" + "d".repeat(80));
        String f = SocketName.of(deep, "a-fine-but-long-actor-name", SUFFIX);
        assertTrue(f.contains("~") && f.endsWith(SUFFIX), f);
        assertEquals(107, deep.resolve(f).toString().length(), f);
    }

    /** 242: an over-long bindspace is refused, naming the condition and the limit. */
    @Test
    void overLongBindspaceLeavesNoRoom() {
        var suffixTooLong = assertThrows(IllegalArgumentException.class, () -> SocketName.of(Path.of("/" + "d".repeat(90)), "x", SUFFIX));
        String m = suffixTooLong.getMessage();
        assertTrue(m.contains("leaves no room") && m.contains("the suffix \"" + SUFFIX + "\"") && m.contains("limit 107 bytes"), m);
        var dirTooLong = assertThrows(IllegalArgumentException.class, () -> SocketName.of(Path.of("/" + "d".repeat(120)), "x", SUFFIX));
        m = dirTooLong.getMessage();
        assertTrue(m.contains("leaves no room") && m.contains("the directory alone (121 bytes) exceeds it") && m.contains("limit 107 bytes"), m);
    }
}
