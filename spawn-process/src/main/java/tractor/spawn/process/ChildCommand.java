package tractor.spawn.process;

import java.io.File;
import java.lang.module.ModuleFinder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import tractor.spawn.spi.SpawnException;
import tractor.spawn.spi.SpawnRequest;

/**
 * Builds a child JVM's command line from this JVM's own launch: the same {@code java} binary, the
 * {@link #JVM_OPTIONS}, the request's JVM options, then either the module path or the class path, the
 * main class and the request's arguments.
 *
 * <p><b>Module mode</b> when the entry names a module that is on this JVM's module path
 * ({@code jdk.module.path}): {@code --module-path <mp> --add-modules <roots> [-cp <cp>] --module
 * <module>/<class>}, where the roots are the modules of this JVM's boot layer that come from the module
 * path (the child gets the same module graph as the parent, application modules included).
 * <b>Class-path mode</b> otherwise: {@code -cp <entries> <class>}, where the entries are this JVM's
 * module path followed by its class path (a modular jar works on the class path too, its services
 * found through {@code META-INF/services}). When the class path is only a surefire booter jar (a
 * surefire fork started with {@code -jar}), the real class path is read from
 * {@code surefire.test.class.path}.
 *
 * <p>Request options: {@code java} replaces the binary, {@code classPath} replaces the class path.
 */
final class ChildCommand {
    /**
     * Options every child JVM gets (measured in this module's README): no 300 ms wait at exit for
     * threads in native code, no {@code sun.misc.Unsafe} warnings, C1 only and SerialGC (a child's
     * start is CPU bound by JVM boot), and the default CDS archive.
     */
    static final List<String> JVM_OPTIONS = List.of("-XX:UserThreadWaitAttemptsAtExit=0",
            "--sun-misc-unsafe-memory-access=allow", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto");

    private final String java;
    private final String modulePath;
    private final String classPath;
    private final Map<String, Boolean> onModulePath = new ConcurrentHashMap<>();

    ChildCommand() {
        this(currentJava(), System.getProperty("jdk.module.path", ""), effectiveClassPath());
    }

    ChildCommand(String java, String modulePath, String classPath) {
        this.java = java;
        this.modulePath = modulePath;
        this.classPath = classPath;
    }

    /** The command line that starts the child {@code request} asks for. */
    List<String> build(SpawnRequest request) {
        String mainClass = request.entry().mainClass();
        if (mainClass == null || mainClass.isBlank())
            throw new SpawnException("process backend: child \"" + request.actorName() + "\" has no main class (" + request.entry() + ")");
        List<String> cmd = new ArrayList<>();
        cmd.add(request.options().getOrDefault("java", java));
        cmd.addAll(JVM_OPTIONS);
        cmd.addAll(request.jvmOptions());
        String module = request.entry().mainModule();
        String cp = request.options().get("classPath");
        if (module != null && cp == null && isOnModulePath(module)) {
            cmd.addAll(List.of("--module-path", modulePath, "--add-modules", String.join(",", roots(module))));
            if (!classPath.isBlank()) cmd.addAll(List.of("-cp", classPath));
            cmd.addAll(List.of("--module", module + "/" + mainClass));
        } else {
            cmd.addAll(List.of("-cp", cp != null ? cp : join(modulePath, classPath), mainClass));
        }
        cmd.addAll(request.args());
        return cmd;
    }

    boolean isOnModulePath(String module) {
        if (modulePath.isBlank()) return false;
        return onModulePath.computeIfAbsent(module, m -> ModuleFinder.of(paths(modulePath)).find(m).isPresent());
    }

    private Set<String> roots(String module) {
        Set<String> onPath = new TreeSet<>();
        ModuleFinder finder = ModuleFinder.of(paths(modulePath));
        for (Module m : ModuleLayer.boot().modules()) if (finder.find(m.getName()).isPresent()) onPath.add(m.getName());
        onPath.add(module);
        return onPath;
    }

    static String currentJava() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /** This JVM's class path, or surefire's test class path when the JVM was started from its booter jar. */
    static String effectiveClassPath() {
        String cp = System.getProperty("java.class.path", "");
        String surefire = System.getProperty("surefire.test.class.path");
        boolean booterOnly = !cp.contains(File.pathSeparator) && Path.of(cp.isBlank() ? "." : cp).getFileName().toString().startsWith("surefirebooter");
        return booterOnly && surefire != null ? surefire : cp;
    }

    private static Path[] paths(String path) {
        return Arrays.stream(path.split(File.pathSeparator)).filter(s -> !s.isBlank()).map(Path::of).toArray(Path[]::new);
    }

    private static String join(String... paths) {
        Set<String> entries = new LinkedHashSet<>();
        for (String p : paths) for (String e : p.split(File.pathSeparator)) if (!e.isBlank()) entries.add(e);
        return String.join(File.pathSeparator, entries);
    }

    @Override
    public String toString() {
        return "ChildCommand[" + java + ", module path " + (modulePath.isBlank() ? "none" : modulePath) + "]";
    }
}
