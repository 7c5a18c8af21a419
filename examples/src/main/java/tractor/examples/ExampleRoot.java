package tractor.examples;

import tractor.RootOptions;

/**
 * The root options every example opens its tree with: tractor's defaults, except the registry
 * address, read from the {@code tractor.registry} system property and by default a free TCP port
 * ({@code tcp://127.0.0.1:0}), so that each example's root is the registrar of its own tree and two
 * examples (or an example and another tractor program) never share one.
 */
public final class ExampleRoot {
    private ExampleRoot() {}

    /** The system property naming the registry address, e.g. {@code -Dtractor.registry=tcp://127.0.0.1:1616}. */
    public static final String REGISTRY_PROPERTY = "tractor.registry";

    /** {@code RootOptions.of()} with the example's registry address. */
    public static RootOptions root() {
        return RootOptions.of().registryAddress(System.getProperty(REGISTRY_PROPERTY, "tcp://127.0.0.1:0"));
    }
}
