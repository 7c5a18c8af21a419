package tractor.transport.spi;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The registry of transports found with {@link ServiceLoader} (module path, class path), loaded once, on
 * first use; or, when this SPI runs as a started OSGi bundle, the transports registered as OSGi services
 * (by the ServiceLoader mediator), asked on every lookup so that a transport bundle started or stopped at
 * run time is seen. A broken provider (a {@link ServiceConfigurationError}, a
 * constructor or {@code name()} that throws) is reported in one line through {@link System.Logger} and
 * skipped; it never hides the others. The first provider of a name wins; later ones are reported.
 *
 * {@snippet :
 * TransportProvider tcp = Transports.get("tcp");
 * Listener l = tcp.listen(tcp.anyAddress("registry", TransportOptions.DEFAULTS), TransportOptions.DEFAULTS);
 * }
 */
public final class Transports {
    private static final System.Logger LOG = System.getLogger(Transports.class.getName());
    private static volatile Map<String, TransportProvider> byName;
    private static final boolean OSGI_API = osgiApiVisible();

    private Transports() {}

    /**
     * The provider of that name.
     *
     * @throws IllegalArgumentException if no provider has that name; the message lists the known names
     */
    public static TransportProvider get(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException(
                "no transport named \"" + name + "\" (known: " + names() + ")" + (OSGI_API && OsgiTransports.context() != null
                        ? "; install and start the bundle that provides it (it registers the OSGi service "
                                + TransportProvider.class.getName() + " through the ServiceLoader mediator)" : "")));
    }

    /** The provider of that name, if one was found. */
    public static Optional<TransportProvider> find(String name) {
        return Optional.ofNullable(providers().get(name));
    }

    /** The names of all working providers, in discovery order. */
    public static Set<String> names() {
        return providers().keySet();
    }

    private static Map<String, TransportProvider> providers() {
        List<TransportProvider> registered = OSGI_API ? OsgiTransports.registered(Transports::warn) : null;
        if (registered != null) return index(registered);
        Map<String, TransportProvider> m = byName;
        if (m == null) {
            synchronized (Transports.class) {
                if (byName == null) {
                    byName = index(load(ServiceLoader.load(TransportProvider.class).iterator(), Transports::warn));
                }
                m = byName;
            }
        }
        return m;
    }

    /** Whether the OSGi framework API is visible to this SPI; checked by name, so that no OSGi type is linked. */
    private static boolean osgiApiVisible() {
        try {
            Class.forName("org.osgi.framework.FrameworkUtil", false, Transports.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** Drains a provider iterator, reporting and skipping every broken entry. */
    static List<TransportProvider> load(Iterator<TransportProvider> it, Consumer<String> report) {
        List<TransportProvider> out = new ArrayList<>();
        for (int guard = 0; guard < 1_000; guard++) {
            try {
                if (!it.hasNext()) break;
                TransportProvider p = it.next();
                p.name().length(); // a provider whose name() throws is broken too
                out.add(p);
            } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
                report.accept("skipping broken transport provider: " + oneLine(e) + "; remove its jar or fix its provides / META-INF/services entry");
            }
        }
        return out;
    }

    static Map<String, TransportProvider> index(List<TransportProvider> providers) {
        Map<String, TransportProvider> m = new LinkedHashMap<>();
        for (TransportProvider p : providers) {
            TransportProvider first = m.putIfAbsent(p.name(), p);
            if (first != null) {
                warn("skipping transport provider " + p.getClass().getName() + ": name \"" + p.name()
                        + "\" is already taken by " + first.getClass().getName());
            }
        }
        return java.util.Collections.unmodifiableMap(m);
    }

    private static String oneLine(Throwable e) {
        StringBuilder sb = new StringBuilder(String.valueOf(e.getMessage()));
        for (Throwable c = e.getCause(); c != null; c = c.getCause()) sb.append(" <- ").append(c);
        return sb.toString().replace('\n', ' ');
    }

    private static void warn(String line) {
        LOG.log(System.Logger.Level.WARNING, line);
    }
}
