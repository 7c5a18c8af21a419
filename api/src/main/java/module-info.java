/**
 * The strict public contract of tractor: actors, portals, contexts, streams, options and errors.
 * Depends only on {@code java.base}, {@code tractor.sc} and SLF4J; never on the runtime or msgpack.
 */
module tractor.api {
    requires transitive tractor.sc;
    requires static org.slf4j;
    exports tractor;
    exports tractor.spi;
    uses tractor.spi.RuntimeProvider;
}
