package tractor.spawn.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tractor.spawn.spi.SpawnException;

/** Quoting and the environment block, checked by a real {@code sh}. */
class ShellTest {
    /** Runs {@code script} with {@code sh -c}, feeding {@code input}; returns its standard output. */
    static String sh(String script, String input) throws Exception {
        Process p = new ProcessBuilder("sh", "-c", script).redirectErrorStream(true).start();
        try (var in = p.getOutputStream()) {
            in.write(input.getBytes(StandardCharsets.UTF_8));
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        return out;
    }

    @Test
    void quotedWordsReachTheCommandUnchanged() throws Exception {
        List<String> words = List.of("plain", "with space", "it's", "$HOME", "`id`", "a\"b", "semi;colon", "*", "");
        String out = sh("printf '%s\\n' " + Shell.quoteAll(words), "");
        assertEquals(String.join("\n", words) + "\n", out);
    }

    @Test
    void theEnvironmentBlockIsExportedAndTheInputAfterItIsLeftForTheProgram() throws Exception {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("TRACTOR_SECRET", "s3 cr'et $x `y`");
        env.put("EMPTY", "");
        env.put("LEADING", "  spaced  ");
        String out = sh(Shell.READ_ENVIRONMENT + "printf '%s|%s|%s|' \"$TRACTOR_SECRET\" \"$EMPTY\" \"$LEADING\"; cat",
                Shell.environmentBlock(env) + "rest of input");
        assertEquals("s3 cr'et $x `y`||  spaced  |rest of input", out);
    }

    @Test
    void aValueSpanningLinesIsRefusedWithoutQuotingIt() {
        SpawnException e = assertThrows(SpawnException.class, () -> Shell.environmentBlock(Map.of("TRACTOR_SECRET", "top\nsecret")));
        assertTrue(e.getMessage().contains("TRACTOR_SECRET"), e.getMessage());
        assertFalse(e.getMessage().contains("secret\n") || e.getMessage().contains("top"), e.getMessage());
        assertThrows(SpawnException.class, () -> Shell.environmentBlock(Map.of("NOT-A-NAME", "x")));
    }

    @Test
    void aRemotePathExpandsTheHomeDirectoryOnly() throws Exception {
        String out = sh("HOME=/home/u; printf '%s' " + RemoteJdk.remotePath("~/a b/$c"), "");
        assertEquals("/home/u/a b/$c", out);
    }
}
