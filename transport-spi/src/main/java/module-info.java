/** The transport contract: addresses, listeners and frame channels, keyed by a short name. */
module tractor.transport.spi {
    requires transitive tractor.api;
    requires static org.osgi.framework; // inside OSGi only: transports from the service registry
    exports tractor.transport.spi;
    uses tractor.transport.spi.TransportProvider;
}
