package tractor.examples;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * An example's {@code main} started as a program of its own (a JVM on this test's class and module
 * path entries, as a class path), whose output lines are collected; closing it kills it if it still runs.
 */
final class Jvm implements AutoCloseable {
    private final Process process;
    private final List<String> lines = new ArrayList<>();
    private final CompletableFuture<Void> eof = new CompletableFuture<>();

    Jvm(Class<?> main, String... systemProperties) throws IOException {
        String java = ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        Set<String> cp = new LinkedHashSet<>();
        for (String prop : List.of("jdk.module.path", "surefire.test.class.path", "java.class.path")) {
            for (String e : System.getProperty(prop, "").split(File.pathSeparator)) {
                if (!e.isBlank() && !Path.of(e).getFileName().toString().startsWith("surefirebooter")) cp.add(e);
            }
        }
        List<String> cmd = new ArrayList<>(List.of(java, "--sun-misc-unsafe-memory-access=allow", "-XX:UserThreadWaitAttemptsAtExit=0"));
        for (String p : systemProperties) cmd.add("-D" + p);
        cmd.addAll(List.of("-cp", String.join(File.pathSeparator, cp), main.getName()));
        process = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        Thread.ofPlatform().daemon(true).name("output of " + process.pid()).start(this::read);
    }

    private void read() {
        try (var in = new BufferedReader(new InputStreamReader(process.getInputStream()))) {
            for (String l; (l = in.readLine()) != null; ) {
                System.out.println("[" + process.pid() + "] " + l);
                synchronized (lines) {
                    lines.add(l);
                    lines.notifyAll();
                }
            }
        } catch (IOException ended) {
            // the process is gone
        } finally {
            eof.complete(null);
            synchronized (lines) {
                lines.notifyAll();
            }
        }
    }

    /** The first line starting with {@code prefix}, waiting for it at most {@code bound}. */
    String awaitLine(String prefix, Duration bound) throws InterruptedException {
        long end = System.nanoTime() + bound.toNanos();
        synchronized (lines) {
            while (true) {
                for (String l : lines) if (l.startsWith(prefix)) return l;
                long left = end - System.nanoTime();
                if (eof.isDone() || left <= 0) throw new AssertionError("no line starting with " + prefix + " from " + process.pid() + ": " + lines);
                TimeUnit.NANOSECONDS.timedWait(lines, left);
            }
        }
    }

    /** Waits for the exit and the end of the output; the exit code. */
    int awaitExit(Duration bound) throws Exception {
        if (!process.waitFor(bound.toMillis(), TimeUnit.MILLISECONDS)) throw new AssertionError(process.pid() + " still runs: " + lines());
        eof.get(bound.toMillis(), TimeUnit.MILLISECONDS);
        return process.exitValue();
    }

    List<String> lines() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    @Override
    public void close() throws Exception {
        if (process.isAlive()) {
            process.destroyForcibly();
            process.waitFor();
        }
        eof.get(10, TimeUnit.SECONDS);
    }
}
