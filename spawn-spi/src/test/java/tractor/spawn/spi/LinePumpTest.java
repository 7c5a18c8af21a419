package tractor.spawn.spi;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Line splitting, long lines cut at character boundaries, the tail. */
class LinePumpTest {
    private static List<String> pump(String input, LinePump[] keep) throws InterruptedException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream sink = new PrintStream(out, true, StandardCharsets.UTF_8);
        LinePump p = new LinePump(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), "[a] ", () -> sink, l -> false, 2, "pump test");
        p.start();
        assertTrue(p.awaitEnd(Duration.ofSeconds(5)));
        keep[0] = p;
        return out.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void linesArePrefixedAndTheTailKeepsTheLast() throws Exception {
        LinePump[] p = new LinePump[1];
        assertEquals(List.of("[a] one", "[a] two", "[a] three"), pump("one\r\ntwo\nthree", p));
        assertEquals("two\nthree", p[0].tail());
    }

    @Test
    void aLongLineIsCutWithoutSplittingACharacter() throws Exception {
        String line = "é".repeat(LinePump.MAX_LINE); // two bytes each: every cut falls on a boundary or inside one
        String odd = "x" + line;                    // shifts the cuts into the middle of characters
        LinePump[] p = new LinePump[1];
        List<String> pieces = pump(odd + "\n", p);
        assertEquals(odd, String.join("", pieces.stream().map(s -> s.substring(4)).toList()));
        assertTrue(pieces.stream().noneMatch(s -> s.contains("\uFFFD")), "no replacement characters");
    }

    @Test
    void controlLinesAreConsumedNotForwarded() throws Exception {
        java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream();
        java.io.PrintStream sink = new java.io.PrintStream(buf, true, StandardCharsets.UTF_8);
        LinePump p = new LinePump(new ByteArrayInputStream("a\npid 42\nb\n".getBytes(StandardCharsets.UTF_8)), "[x] ",
                () -> sink, l -> l.startsWith("pid "), 5, "pump test");
        p.start();
        assertTrue(p.awaitEnd(java.time.Duration.ofSeconds(10)));
        assertEquals(List.of("[x] a", "[x] b"), buf.toString(StandardCharsets.UTF_8).lines().toList());
        assertEquals("a\nb", p.tail());
    }
}
