package tractor.examples;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An example program running in a pseudo-terminal: a tmux server of its own (a unique socket), one
 * session whose pane runs the example's JVM. Keys are sent with {@code send-keys}, the screen is read
 * with {@code capture-pane}. {@link #close()} kills the server, and with it the example if it still
 * runs, and deletes its socket file. The pane stays after the program exits ({@code remain-on-exit}), so its last screen and exit
 * status can be read.
 */
final class Terminal implements AutoCloseable {
    private static final Duration POLL = Duration.ofMillis(100);
    private static final Pattern EXIT = Pattern.compile("\\[exit status (\\d+)]");
    private final String socket = "tractor-test-" + UUID.randomUUID();
    private Path socketFile;

    private Terminal() {}

    /** Starts {@code mainClass} of the examples in a new terminal of 250 × 80 characters. */
    static Terminal start(Class<?> mainClass) throws Exception {
        Terminal t = new Terminal();
        try {
            // the shell waits for a first line, so that remain-on-exit is set before the program can end
            t.tmux("-f", "/dev/null", "new-session", "-d", "-s", "main", "-x", "250", "-y", "80",
                    "read go && " + String.join(" ", javaCommand(mainClass)) + "; echo \"[exit status $?]\"");
            t.socketFile = Path.of(t.tmux("display-message", "-p", "#{socket_path}").strip());
            t.tmux("set-option", "-t", "main", "remain-on-exit", "on");
            t.pressEnter();
        } catch (Exception | Error e) {
            t.close();
            throw e;
        }
        return t;
    }

    /** The example's command line: this JVM's java, every module and class path entry as the class path. */
    private static List<String> javaCommand(Class<?> mainClass) {
        List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElseThrow(),
                "--sun-misc-unsafe-memory-access=allow", "-XX:UserThreadWaitAttemptsAtExit=0", "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC", "-Dtractor.registry=tcp://127.0.0.1:0", "-cp", classPath(), mainClass.getName()));
        return cmd.stream().map(a -> "'" + a.replace("'", "'\\''") + "'").toList();
    }

    private static String classPath() {
        String cp = System.getProperty("java.class.path", "");
        if (Path.of(cp).getFileName().toString().startsWith("surefirebooter")) cp = System.getProperty("surefire.test.class.path", cp);
        Set<String> entries = new LinkedHashSet<>();
        for (String p : new String[] {System.getProperty("jdk.module.path", ""), cp}) {
            for (String e : p.split(File.pathSeparator)) if (!e.isBlank()) entries.add(e);
        }
        return String.join(File.pathSeparator, entries);
    }

    void pressEnter() throws Exception {
        tmux("send-keys", "-t", "main", "Enter");
    }

    /** Ctrl-C: SIGINT to the program in the pane. */
    void pressCtrlC() throws Exception {
        tmux("send-keys", "-t", "main", "C-c");
    }

    /** Everything the terminal shows, its scroll-back included, wrapped lines joined. */
    String screen() throws Exception {
        return tmux("capture-pane", "-p", "-J", "-S", "-", "-t", "main");
    }

    /**
     * Waits until the screen satisfies {@code condition}, at most {@code timeout}; returns the screen.
     * The terminal is another process's state that sends no event: it is polled every 100 ms.
     *
     * @throws AssertionError with the screen when the time is up
     */
    String await(String what, Duration timeout, Predicate<String> condition) throws Exception {
        long end = System.nanoTime() + timeout.toNanos();
        while (true) {
            String s = screen();
            if (condition.test(s)) return s;
            if (System.nanoTime() > end) throw new AssertionError("waited " + timeout + " for " + what + "; the terminal shows:\n" + s);
            Thread.sleep(POLL.toMillis());
        }
    }

    /** Waits until the screen contains {@code text}. */
    String awaitText(String text, Duration timeout) throws Exception {
        return await("\"" + text + "\"", timeout, s -> s.contains(text));
    }

    /**
     * Waits for the program's end (at most {@code timeout}); returns its exit status, which the shell
     * running it prints last (tmux 3.3 does not always learn a pane's exit status).
     */
    int awaitExit(Duration timeout) throws Exception {
        String s = await("the program's end", timeout, x -> EXIT.matcher(x).find());
        Matcher m = EXIT.matcher(s);
        m.find();
        return Integer.parseInt(m.group(1));
    }

    private String tmux(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("tmux", "-L", socket));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) throw new IOException(String.join(" ", cmd) + " failed with " + p.exitValue() + ": " + out);
        return out;
    }

    @Override
    public void close() throws Exception {
        try {
            tmux("kill-server");
        } catch (IOException alreadyGone) {
            // no server left: nothing to kill
        }
        if (socketFile != null) java.nio.file.Files.deleteIfExists(socketFile); // tmux leaves it behind
    }

    @Override
    public String toString() {
        return "terminal on tmux socket " + socket;
    }
}
