/** The uds transport; sees only the transport SPI. */
module tractor.transport.uds {
    requires tractor.transport.spi;
    exports tractor.transport.uds;
    provides tractor.transport.spi.TransportProvider with tractor.transport.uds.UdsTransport;
}
