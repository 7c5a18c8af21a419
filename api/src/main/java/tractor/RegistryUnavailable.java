package tractor;

/**
 * The registrar of the tree cannot be reached: nobody answers at the registry address, or the
 * connection to it broke during a lookup. Discovery calls ({@link Tractor#findActor},
 * {@link Tractor#waitForActor}, {@link Tractor#queryActor}, {@link Tractor#getRegistry}) fail with it
 * within the transport's connect timeout; channels already open to other actors are not affected.
 */
public class RegistryUnavailable extends TransportClosed {
    private final String address;

    public RegistryUnavailable(String address, String message, Throwable cause) {
        super(message, cause);
        this.address = address;
    }

    /** The registry address that did not answer. */
    public String address() {
        return address;
    }
}
