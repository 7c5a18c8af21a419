package tractor.transport.spi;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/**
 * The transports registered as OSGi services ({@code tractor.transport.spi.TransportProvider}, registered by
 * the ServiceLoader mediator for every started provider bundle), seen through the context of this SPI's own
 * bundle. Asked on every lookup, so a transport bundle started or stopped at run time is seen by the next one.
 * Each service is got once and kept while it stays registered.
 */
final class OsgiTransports {
    private final BundleContext context;
    private final Map<ServiceReference<TransportProvider>, TransportProvider> got = new ConcurrentHashMap<>();

    private OsgiTransports(BundleContext context) {
        this.context = context;
    }

    /** The registry as this bundle sees it; {@code null} outside a framework or while the bundle is not started. */
    static OsgiTransports ofThisBundle() {
        Bundle b = FrameworkUtil.getBundle(OsgiTransports.class);
        BundleContext c = b == null ? null : b.getBundleContext();
        return c == null ? null : new OsgiTransports(c);
    }

    /** The providers registered now, highest service ranking first; broken ones are reported and skipped. */
    synchronized List<TransportProvider> current(Consumer<String> report) {
        got.keySet().removeIf(r -> r.getBundle() == null); // unregistered: its bundle stopped
        List<ServiceReference<TransportProvider>> refs = new ArrayList<>(references());
        refs.sort(Comparator.reverseOrder());
        List<TransportProvider> out = new ArrayList<>();
        for (ServiceReference<TransportProvider> r : refs) {
            TransportProvider p = got.computeIfAbsent(r, context::getService);
            if (p == null) continue; // unregistered meanwhile, or its factory failed (the framework logged it)
            try {
                p.name().length();
                out.add(p);
            } catch (RuntimeException | LinkageError e) {
                report.accept("skipping the broken transport service " + p.getClass().getName() + " of bundle "
                        + r.getBundle() + ": " + e + "; fix or stop that bundle");
            }
        }
        return out;
    }

    private Collection<ServiceReference<TransportProvider>> references() {
        try {
            return context.getServiceReferences(TransportProvider.class, null);
        } catch (InvalidSyntaxException e) {
            throw new AssertionError("no filter was given", e);
        }
    }

    @Override
    public String toString() {
        return "OSGi transport services (seen by " + context.getBundle() + ")";
    }
}
