package tractor.bundles;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Pattern;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;

/**
 * An Apache Felix framework embedded in the test JVM, with tractor's bundles, their dependencies (msgpack,
 * slf4j) and Aries SPI Fly (the ServiceLoader mediator, with its ASM bundles) installed from the test class
 * path by reference, then started. {@link #close()} stops the framework and waits for it.
 *
 * <p>Why {@code felix.bootdelegation.implicit=false}: the same jars are also on the test class path, and
 * Felix's implicit boot delegation would let a bundle load, say, slf4j's provider from the class path
 * instead of from its bundle (two copies of one type, "not a subtype"); see /work/shared/notes/build.md,
 * pitfall 7. Everything from inside the framework is therefore reached by reflection, never cast.
 */
final class Felix implements AutoCloseable {
    /** The symbolic names of the bundles installed: tractor's, their dependencies and the mediator. */
    static final Pattern WANTED = Pattern.compile(
            "tractor\\.(sc|api|spi\\b|spawn\\..*|transport\\..*|runtime|bundles)|org\\.msgpack.*|msgpack.*|slf4j\\.(api|simple)"
                    + "|org\\.apache\\.aries\\.spifly\\..*|org\\.objectweb\\.asm.*");

    final Framework framework;
    final List<Bundle> bundles = new ArrayList<>();

    Felix(Path storage) throws BundleException, IOException {
        Map<String, String> cfg = new HashMap<>();
        cfg.put(Constants.FRAMEWORK_STORAGE, storage.toString());
        cfg.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        cfg.put("felix.bootdelegation.implicit", "false");
        // resolve on the calling thread: Felix's resolver pool keeps idle threads alive after stop (a leak)
        cfg.put("felix.resolver.parallelism", "1");
        framework = ServiceLoader.load(FrameworkFactory.class).findFirst().orElseThrow().newFramework(cfg);
        framework.start();
        try {
            for (Path p : candidates()) {
                bundles.add(framework.getBundleContext().installBundle("reference:" + p.toUri()));
            }
            for (Bundle b : bundles) {
                if (b.getHeaders().get(Constants.FRAGMENT_HOST) == null) b.start();
            }
        } catch (BundleException | RuntimeException e) {
            close();
            throw e;
        }
    }

    /** The jars (or bnd-processed class directories) of the test class path whose symbolic name is wanted. */
    static List<Path> candidates() throws IOException {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<Path> out = new ArrayList<>();
        for (String e : cp.split(java.io.File.pathSeparator)) {
            Path p = Path.of(e);
            String bsn = symbolicName(p);
            if (bsn != null && WANTED.matcher(bsn).matches()) out.add(p);
        }
        return out;
    }

    static String symbolicName(Path p) throws IOException {
        Manifest m = null;
        if (Files.isDirectory(p)) {
            Path mf = p.resolve("META-INF/MANIFEST.MF");
            if (Files.exists(mf)) {
                try (InputStream in = Files.newInputStream(mf)) {
                    m = new Manifest(in);
                }
            }
        } else if (Files.isRegularFile(p)) {
            try (JarFile j = new JarFile(p.toFile())) {
                m = j.getManifest();
            }
        }
        String bsn = m == null ? null : m.getMainAttributes().getValue(Constants.BUNDLE_SYMBOLICNAME);
        return bsn == null ? null : bsn.split(";")[0].trim();
    }

    Bundle bundle(String symbolicName) {
        return bundles.stream().filter(b -> symbolicName.equals(b.getSymbolicName())).findFirst()
                .orElseThrow(() -> new AssertionError("no bundle " + symbolicName + " installed: " + bundles));
    }

    /** The file of an installed bundle (its location without the {@code reference:} prefix). */
    static Path file(Bundle b) {
        return Path.of(URI.create(b.getLocation().substring("reference:".length())));
    }

    /** Calls a public static method of the probe bundle, by reflection (other class space). */
    Object probe(String method, Class<?>[] types, Object... args) throws Exception {
        Class<?> c = bundle("tractor.bundles").loadClass("tractor.bundles.OsgiProbe");
        try {
            return c.getMethod(method, types).invoke(null, args);
        } catch (java.lang.reflect.InvocationTargetException e) {
            if (e.getCause() instanceof Exception x) throw x;
            throw e;
        }
    }

    @Override
    public void close() {
        try {
            framework.stop();
            framework.waitForStop(10_000);
        } catch (BundleException | InterruptedException e) {
            throw new IllegalStateException("stopping Felix failed: " + e, e);
        }
    }
}
