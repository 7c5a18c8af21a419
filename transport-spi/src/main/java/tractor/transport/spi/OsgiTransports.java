package tractor.transport.spi;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * Each service is got once and kept while it stays registered (and while this bundle keeps its context).
 * Loaded only when the OSGi framework API is visible ({@link Transports}).
 */
final class OsgiTransports {
    private static final Map<ServiceReference<TransportProvider>, TransportProvider> GOT = new HashMap<>();
    private static BundleContext gotWith;

    private OsgiTransports() {}

    /** The context of this SPI's bundle; {@code null} outside a framework or while the bundle is not started. */
    static BundleContext context() {
        Bundle b = FrameworkUtil.getBundle(OsgiTransports.class);
        return b == null ? null : b.getBundleContext();
    }

    /**
     * The providers registered now, highest service ranking first, broken ones reported and skipped; {@code null}
     * when there is no registry to ask ({@link #context()}).
     */
    static synchronized List<TransportProvider> registered(Consumer<String> report) {
        BundleContext context = context();
        if (context == null) return null;
        if (context != gotWith) { // first use, or this bundle was restarted: the old context's services are gone
            GOT.clear();
            gotWith = context;
        }
        GOT.keySet().removeIf(r -> r.getBundle() == null); // unregistered: its bundle stopped
        List<ServiceReference<TransportProvider>> refs = new ArrayList<>(references(context));
        refs.sort(Comparator.reverseOrder());
        List<TransportProvider> out = new ArrayList<>();
        for (ServiceReference<TransportProvider> r : refs) {
            TransportProvider p = GOT.computeIfAbsent(r, context::getService);
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

    private static Collection<ServiceReference<TransportProvider>> references(BundleContext context) {
        try {
            return context.getServiceReferences(TransportProvider.class, null);
        } catch (InvalidSyntaxException e) {
            throw new AssertionError("no filter was given", e);
        }
    }
}
