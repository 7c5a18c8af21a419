package tractor.spawn.thread;

import java.io.File;
import java.io.IOException;
import java.lang.module.Configuration;
import java.lang.module.FindException;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.lang.module.ResolutionException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import tractor.spawn.spi.ChildEntry;
import tractor.spawn.spi.SpawnException;

/**
 * The entry of a child that shares no static state with its parent ({@code classLoader=isolated}):
 * its {@code main} class is loaded again, with everything it uses from the application, by a class
 * loader of its own (child first, with the platform class loader as parent), and its
 * {@code public static void main(String[])} is invoked with the child's arguments. JDK classes
 * ({@code System.out}, system properties...) remain shared, and {@code System.exit} still ends the JVM.
 *
 * <p><b>Module mode</b>, when the entry names a module found on this JVM's module path
 * ({@code jdk.module.path}): the entry's module and every module of the module path that the parent
 * resolved are resolved again, with service binding, into a new {@link ModuleLayer} over the boot
 * layer, defined with one class loader, so an endpoint's module is this child's own copy too; the
 * main class's package is opened to this backend so that {@code main} can be invoked. Automatic
 * modules (plain jars on the module path) that the boot layer already has are shared, like the JDK's,
 * rather than loaded again: an automatic module reads every module, and a second copy would read both
 * copies of each.
 *
 * <p><b>Class-path mode</b> otherwise: a {@link URLClassLoader} over this JVM's module path and class
 * path entries (the class path read from {@code surefire.test.class.path} when it is only a surefire
 * booter jar). The loader is closed when {@code main} returns.
 */
final class IsolatedEntry implements Consumer<List<String>> {
    private final String actorName;
    private final ChildEntry entry;
    private final String modulePath = System.getProperty("jdk.module.path", "");

    private IsolatedEntry(String actorName, ChildEntry entry) {
        this.actorName = actorName;
        this.entry = entry;
    }

    static IsolatedEntry of(String actorName, ChildEntry entry) {
        if (entry.mainClass() == null || entry.mainClass().isBlank())
            throw new SpawnException("thread backend: isolated child \"" + actorName + "\" has no main class (" + entry + ")");
        return new IsolatedEntry(actorName, entry);
    }

    @Override
    public void accept(List<String> args) {
        boolean moduleMode = entry.mainModule() != null && !modulePath.isBlank()
                && ModuleFinder.of(paths(modulePath)).find(entry.mainModule()).isPresent();
        ClassLoader loader = moduleMode ? moduleLoader() : classPathLoader();
        Thread.currentThread().setContextClassLoader(loader);
        try {
            Method main = Class.forName(entry.mainClass(), true, loader).getMethod("main", String[].class);
            main.invoke(null, (Object) args.toArray(String[]::new));
        } catch (InvocationTargetException e) {
            throw sneaky(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new SpawnException("thread backend: cannot run main of isolated child \"" + actorName + "\" (" + entry + "): " + e, e);
        } finally {
            if (loader instanceof URLClassLoader u) close(u);
        }
    }

    private ClassLoader moduleLoader() {
        ModuleLayer boot = ModuleLayer.boot();
        ModuleFinder finder = new ReloadedModules(ModuleFinder.of(paths(modulePath)), boot);
        Configuration cf;
        try {
            cf = boot.configuration().resolveAndBind(finder, ModuleFinder.of(), roots(finder, boot));
        } catch (ResolutionException | FindException e) {
            throw new SpawnException("thread backend: the module path cannot be resolved again for isolated child \""
                    + actorName + "\" (" + entry + "): " + e.getMessage(), e);
        }
        ModuleLayer.Controller layer = ModuleLayer.defineModulesWithOneLoader(cf, List.of(boot), ClassLoader.getPlatformClassLoader());
        Module main = layer.layer().findModule(entry.mainModule()).orElseThrow();
        String pkg = entry.mainClass().substring(0, Math.max(0, entry.mainClass().lastIndexOf('.')));
        layer.addOpens(main, pkg, IsolatedEntry.class.getModule());
        return layer.layer().findLoader(entry.mainModule());
    }

    /**
     * The entry's module and every module of the module path that the parent resolved: the application's
     * modules are loaded again even when nothing the entry requires reaches them (an enabled endpoint's
     * module, which the runtime loads by name), so that none of them is found through the parent's loader.
     */
    private Set<String> roots(ModuleFinder finder, ModuleLayer boot) {
        Set<String> roots = new LinkedHashSet<>(Set.of(entry.mainModule()));
        for (ModuleReference ref : finder.findAll()) {
            if (boot.findModule(ref.descriptor().name()).isPresent()) roots.add(ref.descriptor().name());
        }
        return roots;
    }

    /**
     * The module path without the automatic modules the boot layer already has: an automatic module
     * reads every module of its configuration and of the parents', so a second copy of one would read
     * both copies of each application module and fail resolution. Those libraries are shared with the
     * parent, like JDK modules; explicit modules are loaded again.
     */
    private record ReloadedModules(ModuleFinder path, ModuleLayer boot) implements ModuleFinder {
        @Override
        public Optional<ModuleReference> find(String name) {
            return path.find(name).filter(this::loadAgain);
        }

        @Override
        public Set<ModuleReference> findAll() {
            return path.findAll().stream().filter(this::loadAgain).collect(Collectors.toSet());
        }

        private boolean loadAgain(ModuleReference ref) {
            return !ref.descriptor().isAutomatic() || boot.findModule(ref.descriptor().name()).isEmpty();
        }
    }

    private URLClassLoader classPathLoader() {
        Set<String> entries = new LinkedHashSet<>();
        for (String p : List.of(modulePath, classPath())) for (String e : p.split(File.pathSeparator)) if (!e.isBlank()) entries.add(e);
        URL[] urls = entries.stream().map(IsolatedEntry::url).toArray(URL[]::new);
        return new ChildFirst("tractor-isolated " + actorName, urls);
    }

    /**
     * Looks in its own entries first: the platform class loader, its parent, would otherwise hand out
     * the application loader's class for any package of a named module of the boot layer (the JDK's
     * built-in loaders share one package-to-module map), so a parent on the module path would share
     * its own modules' statics. Only application entries are listed, so JDK classes still come from
     * the parent.
     */
    private static final class ChildFirst extends URLClassLoader {
        static {
            registerAsParallelCapable();
        }

        ChildFirst(String name, URL[] urls) {
            super(name, urls, ClassLoader.getPlatformClassLoader());
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            synchronized (getClassLoadingLock(name)) {
                Class<?> c = findLoadedClass(name);
                if (c == null && !name.startsWith("java.")) {
                    try {
                        c = findClass(name);
                    } catch (ClassNotFoundException e) {
                        // not an application class: the parent's
                    }
                }
                if (c == null) c = super.loadClass(name, false);
                if (resolve) resolveClass(c);
                return c;
            }
        }
    }

    private static String classPath() {
        String cp = System.getProperty("java.class.path", "");
        String surefire = System.getProperty("surefire.test.class.path");
        boolean booterOnly = !cp.contains(File.pathSeparator) && cp.contains("surefirebooter");
        return booterOnly && surefire != null ? surefire : cp;
    }

    private static URL url(String entry) {
        try {
            return Path.of(entry).toUri().toURL();
        } catch (MalformedURLException e) {
            throw new SpawnException("thread backend: class path entry \"" + entry + "\" is not a valid path", e);
        }
    }

    private static Path[] paths(String path) {
        return Arrays.stream(path.split(File.pathSeparator)).filter(s -> !s.isBlank()).map(Path::of).toArray(Path[]::new);
    }

    private static void close(URLClassLoader loader) {
        try {
            loader.close();
        } catch (IOException e) {
            // only open jar files are released here; nothing to report
        }
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> RuntimeException sneaky(Throwable t) throws T {
        throw (T) t;
    }

    @Override
    public String toString() {
        return "IsolatedEntry[" + actorName + ", " + entry.mainModule() + "/" + entry.mainClass() + "]";
    }
}
