package tractor.thirdparty;

import tractor.spawn.spi.SpawnBackend;
import tractor.spawn.spi.SpawnBackendProvider;

/** A spawn backend provider whose constructor fails. */
public final class BrokenBackendProvider implements SpawnBackendProvider {
    public BrokenBackendProvider() {
        throw new IllegalStateException("BrokenBackendProvider cannot start (on purpose)");
    }

    @Override public String name() { return "broken"; }
    @Override public SpawnBackend create() { throw new AssertionError(); }
}
