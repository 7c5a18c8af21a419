package tractor.spawn.ssh;

import tractor.spawn.spi.SpawnBackend;
import tractor.spawn.spi.SpawnBackendProvider;

/**
 * Provides the {@code ssh} spawn backend: each child actor is a JVM on another host, started by the
 * system {@code ssh} client. Found by {@link java.util.ServiceLoader} ({@code provides} in
 * {@code module-info}, and {@code META-INF/services} for the class path); chosen by configuration only.
 *
 * {@snippet :
 * Tractor.openNursery(RootOptions.of().registryAddress("tcp://10.0.0.1:0"), n -> {
 *     Portal p = n.startActor("worker", ActorOptions.of().enable(Work.class).spawnBackend("ssh").host("me@hostB"));
 *     System.out.println(p.run(Work::where)); // runs on hostB
 *     p.cancelActor();
 * });
 * }
 *
 * @see tractor.spawn.ssh
 */
public final class SshBackendProvider implements SpawnBackendProvider {
    /** The name this backend is selected by. */
    public static final String NAME = "ssh";

    /** Creates the provider (called by {@link java.util.ServiceLoader}). */
    public SshBackendProvider() {}

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public SpawnBackend create() {
        return new SshBackend();
    }

    @Override
    public String toString() {
        return "SshBackendProvider[" + NAME + "]";
    }
}
