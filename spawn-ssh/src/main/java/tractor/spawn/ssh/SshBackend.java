package tractor.spawn.ssh;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;
import tractor.sc.ClosedResourceException;
import tractor.spawn.spi.ChildHandle;
import tractor.spawn.spi.SpawnBackend;
import tractor.spawn.spi.SpawnException;
import tractor.spawn.spi.SpawnRequest;

/**
 * Starts every child as a JVM on the host its {@code host} option names, through the system
 * {@code ssh} client. The first spawn to a host prepares it ({@link RemoteJdk}: reachable, key
 * accepted, JDK found; {@link JarShipper} when {@code shipJars=true}); the result is kept for later
 * spawns to the same host with the same options. Each child then runs in its own ssh session
 * ({@link SshChild}); {@link #close()} hard-stops those still running.
 */
final class SshBackend implements SpawnBackend {
    /** Options every child JVM gets, as the process backend's: quick boot, quiet exit. */
    static final List<String> JVM_OPTIONS = List.of("-XX:UserThreadWaitAttemptsAtExit=0",
            "--sun-misc-unsafe-memory-access=allow", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto");
    static final String DEFAULT_CACHE = "~/.cache/tractor/jars";

    /** What the preparation of one host found: the remote {@code java} and the remote class path. */
    record Prepared(String java, String classPath) {}

    private final Map<String, Prepared> prepared = new ConcurrentHashMap<>();
    private final ReentrantLock preparing = new ReentrantLock();
    private final Set<SshChild> running = ConcurrentHashMap.newKeySet();
    private final RemoteKills kills = new RemoteKills();
    private final Thread shutdownHook = Thread.ofPlatform().name("tractor-spawn ssh shutdown").unstarted(this::killAll);
    private Path packDir;
    private volatile boolean closed;

    SshBackend() {
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    @Override
    public String name() {
        return SshBackendProvider.NAME;
    }

    /**
     * Prepares the host when needed, then starts the child's ssh session.
     *
     * @throws SpawnException          naming the host and the step that failed, with ssh's stderr tail
     * @throws ClosedResourceException when this backend was closed
     */
    @Override
    public ChildHandle spawn(SpawnRequest request) {
        if (closed) throw new ClosedResourceException("ssh backend is closed; cannot spawn \"" + request.actorName() + "\"");
        SshTarget target = SshTarget.of(request.options());
        String env = Shell.environmentBlock(request.environment());
        Prepared p = prepare(target, request.options());
        List<String> cmd = target.command(Shell.sh(launchScript(request, p)));
        Process ssh;
        try {
            ssh = new ProcessBuilder(cmd).start();
        } catch (IOException e) {
            throw new SpawnException("ssh backend: host " + target.describe() + ": step launch failed: cannot run ssh (" + e.getMessage() + ")", e);
        }
        SshChild child = new SshChild(request.actorName(), request.actorUuid(), target, ssh, kills);
        running.add(child);
        child.onExit().whenComplete((s, e) -> running.remove(child));
        try {
            child.start(env);
        } catch (IOException e) {
            // the session already ended: its status and stderr tail tell the runtime why
        }
        if (closed) child.hardStop();
        return child;
    }

    /** The remote command: read the environment from stdin, report the pid, become the JVM. */
    static String launchScript(SpawnRequest r, Prepared p) {
        String main = r.entry().mainClass();
        if (main == null || main.isBlank()) throw new SpawnException("ssh backend: child \"" + r.actorName() + "\" has no main class (" + r.entry() + ")");
        List<String> java = new ArrayList<>(List.of(p.java()));
        java.addAll(JVM_OPTIONS);
        java.addAll(r.jvmOptions());
        java.addAll(List.of("-cp", p.classPath(), main));
        java.addAll(r.args());
        return Shell.READ_ENVIRONMENT + "echo \"" + SshChild.PID_MARK + "$$\" >&2; exec " + Shell.quoteAll(java);
    }

    private Prepared prepare(SshTarget target, Map<String, String> o) {
        boolean ship = Boolean.parseBoolean(o.getOrDefault("shipJars", "false"));
        String key = target + "|" + o.get("javaHome") + "|" + ship + "|" + o.get("jarCache") + "|" + o.get("classPath");
        Prepared p = prepared.get(key);
        if (p != null) return p;
        try {
            preparing.lockInterruptibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SpawnException("ssh backend: host " + target.describe() + ": preparing was interrupted", e);
        }
        try {
            return prepared.computeIfAbsent(key, k -> prepareNow(target, o, ship));
        } finally {
            preparing.unlock();
        }
    }

    private Prepared prepareNow(SshTarget target, Map<String, String> o, boolean ship) {
        Duration bound = Duration.ofSeconds(target.connectTimeoutSeconds() + 30L);
        if (!ship) {
            RemoteJdk.Found f = RemoteJdk.probe(target, o.get("javaHome"), null, List.of(), bound);
            return new Prepared(f.java(), o.getOrDefault("classPath", localClassPath()));
        }
        JarSet jars;
        try {
            jars = JarSet.of(Arrays.asList(localClassPath().split(File.pathSeparator)), packDir());
        } catch (UncheckedIOException e) {
            throw new SpawnException("ssh backend: host " + target.describe() + ": step ship jars failed: " + e.getMessage(), e);
        }
        RemoteJdk.Found f = RemoteJdk.probe(target, o.get("javaHome"), o.getOrDefault("jarCache", DEFAULT_CACHE), jars.hashes(), bound);
        JarShipper.ship(target, jars, f.cacheDir(), f.missing(), bound.plusSeconds(60));
        List<String> cp = jars.hashes().stream().map(h -> f.cacheDir() + "/" + h + ".jar").toList();
        return new Prepared(f.java(), String.join(":", cp));
    }

    private synchronized Path packDir() {
        try {
            if (packDir == null) packDir = Files.createTempDirectory("tractor-ssh-pack");
            return packDir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a directory to pack class directories in", e);
        }
    }

    /** This JVM's module path and class path (surefire's test class path when started from its booter jar). */
    static String localClassPath() {
        String cp = System.getProperty("java.class.path", "");
        String surefire = System.getProperty("surefire.test.class.path");
        boolean booterOnly = !cp.contains(File.pathSeparator) && Path.of(cp.isBlank() ? "." : cp).getFileName().toString().startsWith("surefirebooter");
        if (booterOnly && surefire != null) cp = surefire;
        String mp = System.getProperty("jdk.module.path", "");
        return Stream.of(mp.split(File.pathSeparator), cp.split(File.pathSeparator)).flatMap(Arrays::stream)
                .filter(s -> !s.isBlank()).distinct().reduce((a, b) -> a + File.pathSeparator + b).orElse("");
    }

    /** Hard-stops every child still running, waits for each (bounded) and for the remote kills; idempotent. */
    @Override
    public void close() {
        if (closed) return;
        closed = true;
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // the JVM is shutting down: the hook runs anyway
        }
        killAll();
        deletePackDir();
    }

    private void killAll() {
        List<SshChild> children = List.copyOf(running);
        children.forEach(SshChild::hardStop);
        try {
            for (SshChild c : children) {
                if (!c.waitFor(SpawnRequest.DEFAULT_STOP_GRACE)) System.err.println("tractor: " + c.describe() + " still running after a hard stop");
            }
            kills.awaitAll(Duration.ofSeconds(15));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private synchronized void deletePackDir() {
        if (packDir == null) return;
        try (Stream<Path> walk = Files.walk(packDir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // a temporary directory: the OS cleans it eventually
        }
    }

    @Override
    public String toString() {
        return "SshBackend[" + running.size() + " running, " + prepared.size() + " hosts prepared" + (closed ? ", closed]" : "]");
    }
}
