/** The actor runtime: msg loop, RPC, supervision, contexts, streams, codec, registrar. */
module tractor.runtime {
    requires tractor.sc;
    requires tractor.spawn.spi;
    requires tractor.transport.spi;
    requires msgpack.core;
    requires org.slf4j;
    requires static org.osgi.framework; // inside OSGi only: spawn backends from the service registry
    requires jdk.jfr;
    requires java.management;
    requires jdk.unsupported; // sun.misc.Signal: SIGTERM/SIGINT cancel a child actor gracefully
    exports tractor.runtime to tractor.bench; // BenchChannel only: the benchmarks measure the package-private Channel
    uses tractor.spawn.spi.SpawnBackendProvider;
    provides tractor.spi.RuntimeProvider with tractor.runtime.RuntimeProviderImpl;
}
