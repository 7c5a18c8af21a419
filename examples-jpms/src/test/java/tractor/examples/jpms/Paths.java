package tractor.examples.jpms;

import java.io.File;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/** The modules of the test class path by module name, and launching the app in a new JVM with some of them. */
final class Paths {
    private Paths() {}

    static final Set<String> CORE = Set.of("tractor.sc", "tractor.api", "tractor.runtime", "tractor.spawn.spi",
            "tractor.transport.spi", "msgpack.core", "org.slf4j", "org.slf4j.simple", "tractor.examples.jpms");
    static final Set<String> BACKENDS = Set.of("tractor.spawn.process", "tractor.spawn.thread", "tractor.spawn.ssh",
            "tractor.transport.tcp", "tractor.transport.uds");

    /** Module name to jar (or class directory) of every module on the test class path. */
    static Map<String, Path> modules() {
        Map<String, Path> out = new LinkedHashMap<>();
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        for (String e : cp.split(File.pathSeparator)) {
            Path p = Path.of(e);
            try {
                for (ModuleReference r : ModuleFinder.of(p).findAll()) out.putIfAbsent(r.descriptor().name(), p);
            } catch (RuntimeException notAModule) {
                // test-classes without module-info, or a jar whose name makes no module name
            }
        }
        return out;
    }

    /** The path (module path or class path) of the core modules plus {@code backends}. */
    static String path(Set<String> backends) {
        Map<String, Path> all = modules();
        List<String> out = new ArrayList<>();
        for (String m : all.keySet()) {
            if (CORE.contains(m) || backends.contains(m)) out.add(all.get(m).toString());
        }
        return String.join(File.pathSeparator, out);
    }

    record Run(int exit, String output) {}

    /**
     * Runs the app in a new JVM, with {@code jvmOptions} before its main: on the module path when
     * {@code modulePath}, else on the class path.
     */
    static Run app(boolean modulePath, Set<String> backends, String spawnMethod, String... jvmOptions) throws Exception {
        String java = ProcessHandle.current().info().command().orElseThrow();
        List<String> cmd = new ArrayList<>(List.of(java, "--sun-misc-unsafe-memory-access=allow"));
        cmd.addAll(List.of(jvmOptions));
        if (modulePath) {
            cmd.addAll(List.of("--module-path", path(backends), "--add-modules", "ALL-MODULE-PATH",
                    "--module", "tractor.examples.jpms/tractor.examples.jpms.App"));
        } else {
            cmd.addAll(List.of("-cp", path(backends), "tractor.examples.jpms.App"));
        }
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("TRACTOR_SPAWN_METHOD", spawnMethod);
        Process p = pb.start();
        try {
            String out = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(60, TimeUnit.SECONDS)) throw new AssertionError("the app did not end: " + out);
            return new Run(p.exitValue(), out);
        } finally {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            p.onExit().get(10, TimeUnit.SECONDS);
        }
    }
}
