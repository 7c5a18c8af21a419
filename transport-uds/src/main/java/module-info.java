/** The uds transport; sees only the transport SPI. */
module tractor.transport.uds {
    requires tractor.transport.spi;
    requires jdk.net; // SO_PEERCRED: the peer's user
    exports tractor.transport.uds;
    provides tractor.transport.spi.TransportProvider with tractor.transport.uds.UdsTransport;
}
