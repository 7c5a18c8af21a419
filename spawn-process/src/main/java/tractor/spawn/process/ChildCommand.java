package tractor.spawn.process;

import java.io.File;
import java.lang.module.ModuleFinder;
import java.nio.file.Files;
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
 * <p>Request options: {@code java} replaces the binary, {@code classPath} replaces the class path,
 * {@code aotCache} names a JDK 25 AOT cache to start from (see {@link AotCache}); without one, {@code cds}
 * controls the dynamic AppCDS archive of children of one shape (see {@link AppCds}; pooled JVMs get neither
 * fallback).
 */
final class ChildCommand {
    /**
     * Options every child JVM gets (measured in this module's README): no 300 ms wait at exit for
     * threads in native code, no {@code sun.misc.Unsafe} warnings, C1 only and SerialGC (a child's
     * start is CPU bound by JVM boot), and the default CDS archive.
     */
    static final List<String> JVM_OPTIONS = List.of("-XX:UserThreadWaitAttemptsAtExit=0",
            "--sun-misc-unsafe-memory-access=allow", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto");

    /**
     * What a pooled JVM gets after {@link #JVM_OPTIONS} and before the request's own options: full tiered
     * compilation (the later flag wins over {@code -XX:TieredStopAtLevel=1}). C1 alone is chosen for a cold
     * child's start; a pooled JVM boots ahead of its spawn, and a hit from a tiered pool is as fast as one
     * from a C1 pool (11.3 ms against 13.3–13.9 ms, two runs of 7 and 9 rounds) while a pooled child
     * streams 1.14–1.17 M msgs/s against 0.68–0.74 M with C1 (bench/README "The warm pool"). A request that sets
     * {@code -XX:TieredStopAtLevel} itself overrides this.
     */
    static final List<String> POOLED_JVM_OPTIONS = List.of("-XX:TieredStopAtLevel=4");

    private final String java;
    private final String modulePath;
    private final String classPath;
    private final Map<String, Boolean> onModulePath = new ConcurrentHashMap<>();
    private final AppCds cds;

    ChildCommand() {
        this(currentJava(), System.getProperty("jdk.module.path", ""), effectiveClassPath(), new AppCds());
    }

    ChildCommand(String java, String modulePath, String classPath) {
        this(java, modulePath, classPath, new AppCds());
    }

    ChildCommand(String java, String modulePath, String classPath, AppCds cds) {
        this.java = java;
        this.modulePath = modulePath;
        this.classPath = classPath;
        this.cds = cds;
    }

    /** A child started with {@code cmd} has exited (a training child's CDS archive is put in place). */
    void exited(List<String> cmd) {
        cds.exited(cmd);
    }

    /** The command line that starts the child {@code request} asks for. */
    List<String> build(SpawnRequest request) {
        String mainClass = mainClass(request);
        String module = moduleMode(request);
        List<String> cmd = launcher(request, module, List.of());
        if (module != null) cmd.addAll(List.of("--module", module + "/" + mainClass));
        else cmd.add(mainClass);
        withAppCds(request, cmd);
        cmd.addAll(request.args());
        return cmd;
    }

    /**
     * The command line of a pooled JVM for requests like {@code request}: {@link PoolMain} preloads the
     * entry's main class and waits on its standard input for the arguments. In module mode the entry's
     * package is exported to this module, so that {@code PoolMain} may call its {@code main}. A pooled JVM
     * compiles with C2 too ({@link #POOLED_JVM_OPTIONS}); a cold start of the same request keeps C1 only.
     */
    List<String> buildPooled(SpawnRequest request) {
        String mainClass = mainClass(request);
        String module = moduleMode(request);
        List<String> cmd = launcher(request, module, POOLED_JVM_OPTIONS);
        String self = ChildCommand.class.getModule().getName();
        if (module != null && self != null) {
            String pkg = mainClass.substring(0, Math.max(0, mainClass.lastIndexOf('.')));
            cmd.addAll(List.of("--add-exports", module + "/" + pkg + "=" + self, "--module", self + "/" + PoolMain.class.getName(), module));
        } else {
            cmd.addAll(List.of(PoolMain.class.getName(), "-"));
        }
        cmd.add(mainClass);
        return cmd;
    }

    /**
     * Adds the {@link AppCds} fallback after our JVM options when the child has no AOT cache and the request
     * leaves class sharing to us; {@code cmd} (binary, options, paths, main class) is the archive's shape.
     */
    private void withAppCds(SpawnRequest request, List<String> cmd) {
        if (sharingOwnedByRequest(request.jvmOptions()) || AotCache.find(request.options()).isPresent() || !jarsOnly(cmd)) return;
        cmd.addAll(1 + JVM_OPTIONS.size(), cds.options(request.options(), List.copyOf(cmd)));
    }

    /**
     * Whether every class and module path entry of {@code cmd} is a file: a JVM asked to write a CDS archive
     * with a directory on a path fails its exit (status 1, "Cannot have non-empty directory in paths").
     */
    static boolean jarsOnly(List<String> cmd) {
        for (int i = 0; i < cmd.size() - 1; i++) {
            if (!cmd.get(i).equals("-cp") && !cmd.get(i).equals("--module-path")) continue;
            for (String e : cmd.get(i + 1).split(File.pathSeparator))
                if (!e.isBlank() && !Files.isRegularFile(Path.of(e))) return false;
        }
        return true;
    }

    private static String mainClass(SpawnRequest request) {
        String mainClass = request.entry().mainClass();
        if (mainClass == null || mainClass.isBlank())
            throw new SpawnException("process backend: child \"" + request.actorName() + "\" has no main class (" + request.entry() + ")");
        return mainClass;
    }

    /** The entry's module when the child runs in module mode, else null. */
    private String moduleMode(SpawnRequest request) {
        String module = request.entry().mainModule();
        return module != null && request.options().get("classPath") == null && isOnModulePath(module) ? module : null;
    }

    /**
     * The binary, the JVM options (ours, then {@code extra}, then the request's) and the module or class
     * path: everything before the main class.
     */
    private List<String> launcher(SpawnRequest request, String module, List<String> extra) {
        List<String> cmd = new ArrayList<>();
        cmd.add(request.options().getOrDefault("java", java));
        cmd.addAll(sharingOwnedByRequest(request.jvmOptions()) ? withoutSharing() : jvmOptions(AotCache.find(request.options())));
        cmd.addAll(extra);
        cmd.addAll(request.jvmOptions());
        String cp = request.options().get("classPath");
        if (module != null) {
            cmd.addAll(List.of("--module-path", modulePath, "--add-modules", String.join(",", roots(module))));
            if (!classPath.isBlank()) cmd.addAll(List.of("-cp", classPath));
        } else {
            cmd.addAll(List.of("-cp", cp != null ? cp : join(modulePath, classPath)));
        }
        return cmd;
    }

    /**
     * Whether the request sets class sharing itself ({@code -Xshare:*}, {@code -XX:AOT*} such as a training
     * run's {@code -XX:AOTCacheOutput}, {@code -XX:SharedArchiveFile}): those exclude {@code -Xshare:auto}
     * and any AOT cache of ours.
     */
    private static boolean sharingOwnedByRequest(List<String> options) {
        return options.stream().anyMatch(o -> o.startsWith("-Xshare:") || o.startsWith("-XX:AOT") || o.startsWith("-XX:SharedArchiveFile"));
    }

    private static List<String> withoutSharing() {
        return JVM_OPTIONS.stream().filter(o -> !o.startsWith("-Xshare:")).toList();
    }

    /**
     * {@link #JVM_OPTIONS}, with {@code -Xshare:auto} replaced by the AOT cache when there is one (the two
     * exclude each other); a cache that does not match this class path is skipped by the JVM, silently.
     */
    static List<String> jvmOptions(java.util.Optional<Path> aotCache) {
        if (aotCache.isEmpty()) return JVM_OPTIONS;
        List<String> o = new ArrayList<>(JVM_OPTIONS);
        o.remove("-Xshare:auto");
        o.addAll(List.of("-XX:AOTCache=" + aotCache.get(), "-Xlog:aot*=off", "-Xlog:cds*=off"));
        return o;
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
        String self = ChildCommand.class.getModule().getName();
        if (self != null) onPath.add(self); // a pooled child starts in PoolMain
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
