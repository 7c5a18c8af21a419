/**
 * Benchmarks (JMH and whole-program harnesses) of the structured-concurrency core and the IPC layer,
 * each measured against a raw baseline in the same run. Never part of the tests; run by
 * {@code mvn -q -pl bench -am compile exec:exec -Dbench=...} (see bench/README.md).
 */
module tractor.bench {
    requires tractor.sc;
    requires tractor.api;
    requires tractor.runtime;
    requires tractor.transport.spi;
    requires jmh.core;
    requires msgpack.core;
    requires java.management; // ScaleBench: heap and thread counts
    exports tractor.bench;
    exports tractor.bench.jmh_generated;
}
