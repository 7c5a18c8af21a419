/** The inproc transport: frames between actors of one JVM through memory; sees only the transport SPI. */
module tractor.transport.inproc {
    requires tractor.transport.spi;
    exports tractor.transport.inproc;
    provides tractor.transport.spi.TransportProvider with tractor.transport.inproc.InprocTransport;
}
