package tractor.runtime;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Helpers of the process-level scenarios: pid files written by actors, liveness of processes that may
 * have been re-parented to init (so the leak check, which sees only this JVM's descendants, misses
 * them), signals, and separate root JVMs.
 */
final class Procs {
    private Procs() {}

    /** A fresh, not yet existing pid file in the runtime directory. */
    static Path pidFile() throws IOException {
        Path dir = Path.of(System.getProperty("tractor.runtime.dir", System.getProperty("java.io.tmpdir"))).toAbsolutePath();
        Files.createDirectories(dir);
        return dir.resolve("pids-" + UUID.randomUUID().toString().substring(0, 8) + ".txt");
    }

    /** Waits until {@code file} lists at least {@code n} pids; returns them in order. */
    static List<Long> awaitPids(Path file, int n, Duration bound) throws Exception {
        long end = System.nanoTime() + bound.toNanos();
        while (true) {
            List<Long> pids = readPids(file);
            if (pids.size() >= n) return pids;
            if (System.nanoTime() > end) throw new AssertionError("only " + pids + " of " + n + " pids in " + file + " after " + bound);
            Thread.sleep(20); // polling a file other processes write: there is no event to wait on
        }
    }

    static List<Long> readPids(Path file) throws IOException {
        if (!Files.exists(file)) return List.of();
        List<Long> out = new ArrayList<>();
        for (String l : Files.readAllLines(file)) if (!l.isBlank()) out.add(Long.parseLong(l.trim()));
        return out;
    }

    /** Whether {@code pid} has ended: gone, or a dead-but-unreaped zombie (state Z) of some other parent. */
    static boolean ended(long pid) {
        var h = ProcessHandle.of(pid);
        if (h.isEmpty() || !h.get().isAlive()) return true;
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String state = stat.substring(stat.lastIndexOf(')') + 2).split(" ")[0];
            return state.equals("Z") || state.equals("X");
        } catch (IOException | RuntimeException e) {
            return true; // vanished while reading
        }
    }

    /**
     * Waits up to {@code bound} for every pid to end; returns the survivors (empty on success). The
     * survivors are SIGKILLed before returning, so a failing test leaves nothing behind.
     */
    static List<Long> survivorsAfter(Iterable<Long> pids, Duration bound) throws InterruptedException {
        long end = System.nanoTime() + bound.toNanos();
        while (true) {
            List<Long> alive = new ArrayList<>();
            for (long p : pids) if (!ended(p)) alive.add(p);
            if (alive.isEmpty()) return alive;
            if (System.nanoTime() > end) {
                alive.forEach(p -> ProcessHandle.of(p).ifPresent(ProcessHandle::destroyForcibly));
                return alive;
            }
            Thread.sleep(10); // polling an external process condition: an orphan is not our child, onExit cannot be awaited
        }
    }

    /** Sends {@code signal} ("INT", "TERM", "KILL") to {@code pid}. */
    static void signal(long pid, String signal) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start();
        if (kill.waitFor() != 0) throw new AssertionError("kill -" + signal + " " + pid + " failed");
    }

    /** Starts {@code mainClass} (a test class) as a JVM of its own, on this JVM's java and class path. */
    static Process startJvm(Class<?> mainClass, String... args) throws IOException {
        String java = ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        Set<String> cp = new LinkedHashSet<>();
        try {
            cp.add(Path.of(mainClass.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        for (String prop : List.of("jdk.module.path", "surefire.test.class.path", "java.class.path")) {
            for (String e : System.getProperty(prop, "").split(File.pathSeparator)) {
                if (!e.isBlank() && !Path.of(e).getFileName().toString().startsWith("surefirebooter")) cp.add(e);
            }
        }
        List<String> cmd = new ArrayList<>(List.of(java, "--sun-misc-unsafe-memory-access=allow", "-XX:UserThreadWaitAttemptsAtExit=0",
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Dtractor.runtime.dir=" + System.getProperty("tractor.runtime.dir", ""),
                "-cp", String.join(File.pathSeparator, cp), mainClass.getName()));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectErrorStream(true).start();
    }

    /** Reads the process's output until a line equal to {@code marker}, echoing it; fails after {@code bound}. */
    static void awaitLine(Process p, String marker, Duration bound, StringBuilder log) throws Exception {
        var reader = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream()));
        var found = new java.util.concurrent.CompletableFuture<Void>();
        Thread.ofPlatform().daemon(true).name("echo " + p.pid()).start(() -> {
            try {
                for (String l; (l = reader.readLine()) != null; ) {
                    synchronized (log) {
                        log.append(l).append('\n');
                    }
                    System.out.println("[root " + p.pid() + "] " + l);
                    if (l.equals(marker)) found.complete(null);
                }
            } catch (IOException ignored) {
                // the process ended
            }
            found.completeExceptionally(new AssertionError("process " + p.pid() + " ended before printing " + marker));
        });
        found.get(bound.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    static double secondsSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
