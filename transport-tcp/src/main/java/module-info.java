/** The tcp transport; sees only the transport SPI. */
module tractor.transport.tcp {
    requires tractor.transport.spi;
}
