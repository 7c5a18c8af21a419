package tractor.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import tractor.testkit.Bounded;

/**
 * The actor MDC on every task, runtime-started ones included, and the per-actor log level, read from
 * what the example logs (logback, stderr).
 */
@Bounded(seconds = 60)
class LoggingDemoTest {
    private static final Pattern WHO = Pattern.compile("^(\\w+) is ([0-9a-f-]+): (\\w+) did 7$");

    @Test
    void everyLineNamesItsActorAndEachActorLogsAtItsLevel() throws Exception {
        PrintStream old = System.err;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setErr(new PrintStream(buf, true, StandardCharsets.UTF_8));
        List<String> out;
        try {
            out = Output.of(LoggingDemo::main);
        } finally {
            System.setErr(old);
        }
        String err = buf.toString(StandardCharsets.UTF_8);
        old.print(err);
        List<String> log = err.lines().toList();
        Map<String, String> uid = out.stream().map(WHO::matcher).filter(Matcher::matches)
                .collect(Collectors.toMap(m -> m.group(1), m -> m.group(2)));
        assertEquals(List.of("chatty", "plain", "quiet"), uid.keySet().stream().sorted().toList(), out.toString());

        // chatty, a child JVM at tractor's "runtime" level: the runtime's own lines, each with chatty's MDC,
        // from the tasks the runtime started: its msg loop (on the frame channel's reader thread), the RPC task,
        // the actor's main task
        String chatty = "[chatty#" + uid.get("chatty") + "]";
        assertTrue(has(log, l -> l.startsWith("[chatty] DEBUG " + chatty + " [") && l.contains("RUNTIME - [chatty@")
                && l.contains("Start tractor.examples.LoggingDemo#work")), err);
        assertTrue(has(log, l -> l.startsWith("[chatty] DEBUG " + chatty + " [rpc work] ") && l.contains("#work cid")), err);
        assertTrue(has(log, l -> l.startsWith("[chatty] INFO  " + chatty + " [rpc work] LoggingDemo") && l.endsWith("working on 7")), err);
        assertTrue(has(log, l -> l.startsWith("[chatty] DEBUG " + chatty + " [main] ") && l.contains("actor up at")), err);
        assertTrue(has(log, l -> l.startsWith("[chatty] INFO  " + chatty + " [rpc cancel] cancel CANCEL - ")
                && l.endsWith("cancel requested by root")), err);

        // quiet and plain share this JVM's logback (INFO): the user's line shows for both, with the right MDC;
        // tractor's CANCEL line (INFO) only for plain: quiet's runtime is at "warning"
        String quiet = "[quiet#" + uid.get("quiet") + "]";
        String plain = "[plain#" + uid.get("plain") + "]";
        assertTrue(has(log, l -> l.startsWith("INFO  " + quiet + " [rpc work] LoggingDemo") && l.endsWith("working on 7")), err);
        assertTrue(has(log, l -> l.startsWith("INFO  " + plain + " [rpc work] LoggingDemo") && l.endsWith("working on 7")), err);
        assertTrue(has(log, l -> l.startsWith("INFO  " + plain + " [rpc cancel] cancel CANCEL - ")), err);
        assertFalse(has(log, l -> l.contains(quiet) && !l.contains("LoggingDemo")), "quiet's runtime logged below warning: " + err);
        assertFalse(has(log, l -> !l.startsWith("[chatty]") && l.contains("DEBUG")), "nothing in this JVM logs below INFO: " + err);
    }

    private static boolean has(List<String> log, Predicate<String> p) {
        return log.stream().anyMatch(p);
    }
}
