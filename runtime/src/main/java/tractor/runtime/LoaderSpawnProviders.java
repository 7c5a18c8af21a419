package tractor.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.function.Consumer;
import tractor.spawn.spi.SpawnBackendProvider;

/**
 * The spawn backend providers {@link ServiceLoader} finds with one class loader: {@code provides} on the
 * module path, {@code META-INF/services} on the class path (or an OSGi ServiceLoader mediator that wove
 * the call). A provider whose loading or {@code name()} fails is reported and skipped.
 */
record LoaderSpawnProviders(ClassLoader loader) implements SpawnProviders {
    @Override
    public List<Offer> offers(Consumer<String> report) {
        List<Offer> out = new ArrayList<>();
        var it = ServiceLoader.load(SpawnBackendProvider.class, loader).iterator();
        for (int guard = 0; guard < 1_000; guard++) {
            try {
                if (!it.hasNext()) break;
                SpawnBackendProvider p = it.next();
                p.name().length(); // a provider whose name() throws is broken too
                out.add(() -> p);
            } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
                report.accept("skipping a broken spawn backend provider: " + e.getMessage()
                        + "; remove its jar or fix its provides / META-INF/services entry");
            }
        }
        return out;
    }

    @Override
    public String missingHint() {
        return "put its module on the module path or class path";
    }

    @Override
    public String toString() {
        return "ServiceLoader spawn backends (loader " + loader + ")";
    }
}
