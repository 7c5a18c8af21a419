package tractor.runtime;

import java.io.File;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import tractor.spawn.spi.SpawnBackend;
import tractor.spawn.spi.SpawnBackendProvider;

/**
 * The spawn backends registered as OSGi services ({@code tractor.spawn.spi.SpawnBackendProvider}, which
 * the ServiceLoader mediator's registrar registers for every started provider bundle), seen through the
 * context of the runtime's own bundle. The registry is asked on every lookup, so a backend bundle started
 * or stopped while the runtime runs is seen at the next spawn.
 *
 * <p>Child JVMs: a spawn request without a {@value #CLASS_PATH} option gets one made of the files of the
 * installed bundles ({@link #bundleClassPath()}), since this JVM's own class path says nothing about them.
 */
final class OsgiSpawnProviders implements SpawnProviders {
    /** The backend option that gives a child JVM its class path (the process backend's). */
    static final String CLASS_PATH = "classPath";

    private final BundleContext context;

    private OsgiSpawnProviders(BundleContext context) {
        this.context = context;
    }

    /** The registry as the runtime's bundle sees it; {@code null} outside a framework or while it is not started. */
    static SpawnProviders ofRuntimeBundle() {
        Bundle b = FrameworkUtil.getBundle(OsgiSpawnProviders.class);
        BundleContext c = b == null ? null : b.getBundleContext();
        return c == null ? null : new OsgiSpawnProviders(c);
    }

    @Override
    public List<Offer> offers(Consumer<String> report) {
        List<ServiceReference<SpawnBackendProvider>> refs = new ArrayList<>(references());
        refs.sort(Comparator.reverseOrder()); // highest service ranking first
        List<Offer> out = new ArrayList<>();
        for (ServiceReference<SpawnBackendProvider> ref : refs) {
            SpawnBackendProvider p = context.getService(ref);
            if (p == null) continue; // unregistered meanwhile, or its factory failed (the framework logged it)
            try {
                p.name().length();
                out.add(new Registered(context, ref, p));
            } catch (RuntimeException | LinkageError e) {
                context.ungetService(ref);
                report.accept("skipping the broken spawn backend service " + p.getClass().getName() + " of bundle "
                        + ref.getBundle() + ": " + e + "; fix or stop that bundle");
            }
        }
        return out;
    }

    private Collection<ServiceReference<SpawnBackendProvider>> references() {
        try {
            return context.getServiceReferences(SpawnBackendProvider.class, null);
        } catch (InvalidSyntaxException e) {
            throw new AssertionError("no filter was given", e);
        }
    }

    @Override
    public String missingHint() {
        return "install and start the bundle that provides it (it registers the OSGi service "
                + SpawnBackendProvider.class.getName() + " through the ServiceLoader mediator)";
    }

    @Override
    public SpawnBackend adapt(SpawnBackend backend) {
        return new DefaultClassPath(backend, this::bundleClassPath);
    }

    /**
     * The files of the resolved bundles installed from local files ({@code file:} or {@code reference:file:}
     * locations), in install order; the system bundle and bundles installed from streams have none.
     */
    String bundleClassPath() {
        List<String> entries = new ArrayList<>();
        for (Bundle b : context.getBundles()) {
            if (b.getBundleId() == 0 || (b.getState() & (Bundle.INSTALLED | Bundle.UNINSTALLED)) != 0) continue;
            Path p = localFile(b.getLocation());
            if (p != null) entries.add(p.toString());
        }
        return String.join(File.pathSeparator, entries);
    }

    static Path localFile(String location) {
        String l = location.startsWith("reference:") ? location.substring("reference:".length()) : location;
        if (!l.startsWith("file:")) return null;
        try {
            Path p = Path.of(URI.create(l));
            return Files.exists(p) ? p : null;
        } catch (IllegalArgumentException e) {
            return null; // not a hierarchical file URI (file:name.jar): no file we can name
        }
    }

    @Override
    public String toString() {
        return "OSGi spawn backend services (seen by " + context.getBundle() + ")";
    }

    /** A provider service in use by this runtime. */
    private record Registered(BundleContext context, ServiceReference<SpawnBackendProvider> ref,
                              SpawnBackendProvider provider) implements Offer {
        @Override
        public boolean withdrawn() {
            return ref.getBundle() == null;
        }

        @Override
        public void release() {
            try {
                context.ungetService(ref);
            } catch (IllegalStateException e) {
                // the runtime's bundle stopped: the framework released every service it used
            }
        }
    }
}
