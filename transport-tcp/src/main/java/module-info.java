/** The tcp transport; sees only the transport SPI. */
module tractor.transport.tcp {
    requires tractor.transport.spi;
    exports tractor.transport.tcp;
    provides tractor.transport.spi.TransportProvider with tractor.transport.tcp.TcpTransport;
}
