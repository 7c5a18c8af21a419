package tractor.examples;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Runs an example's {@code main} and returns what it printed on {@code System.out}, line by line. */
final class Output {
    private Output() {}

    interface Main {
        void run(String[] args) throws Exception;
    }

    /**
     * The lines {@code main} printed, child actors' lines included (a child JVM's lines reach this JVM's
     * current {@code System.out} prefixed with {@code [actor name] }); echoed to the real output too.
     */
    static List<String> of(Main main) throws Exception {
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            main.run(new String[0]);
        } finally {
            System.setOut(old);
        }
        String out = buf.toString(StandardCharsets.UTF_8);
        old.print(out);
        return out.lines().toList();
    }
}
