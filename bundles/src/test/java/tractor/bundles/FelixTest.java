package tractor.bundles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;
import tractor.testkit.Bounded;

/**
 * tractor inside a real OSGi framework (Apache Felix 7, embedded; SPI Fly as the ServiceLoader mediator):
 * the bundles resolve, the backends are OSGi services, and actor trees run on the thread and process backends.
 */
@Bounded(seconds = 60)
class FelixTest {
    @TempDir
    Path storage;

    @Test
    void everyBundleResolvesAndStartsAndTheBackendsAreServices() throws Exception {
        try (Felix f = new Felix(storage)) {
            Set<String> names = new TreeSet<>();
            for (Bundle b : f.bundles) {
                assertEquals(Bundle.ACTIVE, b.getState(), b.getSymbolicName() + " is not active");
                names.add(b.getSymbolicName());
            }
            assertTrue(names.containsAll(Set.of("tractor.sc", "tractor.api", "tractor.spawn.spi", "tractor.transport.spi",
                    "tractor.runtime", "tractor.spawn.process", "tractor.spawn.thread", "tractor.spawn.ssh", "tractor.transport.tcp",
                    "tractor.transport.uds", "tractor.bundles")), names.toString());
            // exported packages carry versions (bnd)
            String exports = f.bundle("tractor.api").getHeaders().get("Export-Package");
            assertTrue(exports.contains("tractor;version=\"0.1.0\""), exports);
            // SPI Fly's registrar registered every provider found in META-INF/services as an OSGi service
            assertEquals(Set.of("tractor.spawn.thread", "tractor.spawn.process", "tractor.spawn.ssh"), providers(f, "tractor.spawn.spi.SpawnBackendProvider"));
            assertEquals(Set.of("tractor.transport.tcp", "tractor.transport.uds"), providers(f, "tractor.transport.spi.TransportProvider"));
            assertEquals(Set.of("tractor.runtime"), providers(f, "tractor.spi.RuntimeProvider"));
        }
    }

    static Set<String> providers(Felix f, String type) throws Exception {
        Set<String> out = new TreeSet<>();
        ServiceReference<?>[] refs = f.framework.getBundleContext().getAllServiceReferences(type, null);
        for (ServiceReference<?> r : refs == null ? new ServiceReference<?>[0] : refs) out.add(r.getBundle().getSymbolicName());
        return out;
    }

    @Test
    void anActorTreeOnTheThreadBackendRunsACall() throws Exception {
        try (Felix f = new Felix(storage)) {
            assertEquals("42 from thread-doubler", f.probe("threadCall", new Class<?>[0]));
        }
    }

    @Test
    void aContextWithAStreamRunsOnTheThreadBackend() throws Exception {
        try (Felix f = new Felix(storage)) {
            Object seen = f.probe("threadContextStream", new Class<?>[] {int.class}, 5);
            assertEquals(List.of("ready", "ping 0", "ping 1", "ping 2", "ping 3", "ping 4", 5L), normalize(seen));
        }
    }

    /**
     * The process backend from inside Felix. Without options it would build the child's command line from
     * this JVM's {@code java.class.path}, which here happens to hold the same jars (the test class path);
     * so the probe passes the {@code classPath} backend option built from the installed bundles' locations,
     * and the child reports the class path it really got.
     */
    @Test
    void theProcessBackendSpawnsAChildJvmFromTheBundlesLocations() throws Exception {
        try (Felix f = new Felix(storage)) {
            List<String> entries = new ArrayList<>();
            for (Bundle b : f.bundles) {
                String n = b.getSymbolicName();
                if (!n.startsWith("org.apache.aries") && !n.startsWith("org.objectweb")) entries.add(Felix.file(b).toString());
            }
            String cp = String.join(File.pathSeparator, entries);
            List<?> r = (List<?>) f.probe("processCall", new Class<?>[] {String.class}, cp);
            assertNotEquals(ProcessHandle.current().pid(), ((Number) r.get(0)).longValue(), "the child is another JVM");
            assertEquals(cp, r.get(1));
        }
    }

    static List<Object> normalize(Object list) {
        List<Object> out = new ArrayList<>();
        for (Object o : (List<?>) list) out.add(o instanceof Integer i ? (Object) i.longValue() : o);
        return out;
    }
}
