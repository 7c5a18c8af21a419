package tractor.runtime;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A separately started program (a JVM of its own, see {@link Procs#startJvm}) whose output lines are
 * collected as they come, so that a test can wait for one. Closing it kills what is still running.
 */
final class Program implements AutoCloseable {
    private final Process process;
    private final List<String> lines = new ArrayList<>();
    private final Thread reader;

    Program(Class<?> main, String... args) throws IOException {
        process = Procs.startJvm(main, args);
        reader = Thread.ofPlatform().daemon(true).name("output of " + process.pid()).start(this::read);
    }

    private void read() {
        try (var in = new BufferedReader(new InputStreamReader(process.getInputStream()))) {
            for (String l; (l = in.readLine()) != null; ) {
                System.out.println("[program " + process.pid() + "] " + l);
                synchronized (lines) {
                    lines.add(l);
                    lines.notifyAll();
                }
            }
        } catch (IOException ended) {
            // the process is gone
        } finally {
            synchronized (lines) {
                lines.add(null); // end of output
                lines.notifyAll();
            }
        }
    }

    /** Waits for the first line starting with {@code prefix} and returns it; fails after {@code bound} or at end of output. */
    String awaitLine(String prefix, Duration bound) throws InterruptedException {
        long end = System.nanoTime() + bound.toNanos();
        synchronized (lines) {
            while (true) {
                for (String l : lines) {
                    if (l == null) throw new AssertionError("program " + process.pid() + " ended without printing " + prefix + ": " + lines);
                    if (l.startsWith(prefix)) return l;
                }
                long left = end - System.nanoTime();
                if (left <= 0) throw new AssertionError("program " + process.pid() + " printed no " + prefix + " within " + bound + ": " + lines);
                TimeUnit.NANOSECONDS.timedWait(lines, left);
            }
        }
    }

    /** Waits for the program to exit and its output to be read; returns the exit code. */
    int awaitExit(Duration bound) throws InterruptedException {
        if (!process.waitFor(bound.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("program " + process.pid() + " did not exit within " + bound + ": " + output());
        }
        reader.join(bound.toMillis());
        return process.exitValue();
    }

    /** Kills the program at once (SIGKILL) and reaps it. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
        reader.join();
    }

    List<String> output() {
        synchronized (lines) {
            return List.copyOf(lines.stream().filter(l -> l != null).toList());
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) kill();
    }

    @Override
    public String toString() {
        return "program " + process.pid() + (process.isAlive() ? "" : " exited " + process.exitValue());
    }
}
