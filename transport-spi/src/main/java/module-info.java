/** The transport contract: addresses, listeners and frame channels, keyed by a short name. */
module tractor.transport.spi {
    requires transitive tractor.api;
    exports tractor.transport.spi;
    uses tractor.transport.spi.TransportProvider;
}
