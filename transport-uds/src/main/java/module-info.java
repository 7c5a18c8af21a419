/** The uds transport; sees only the transport SPI. */
module tractor.transport.uds {
    requires tractor.transport.spi;
}
