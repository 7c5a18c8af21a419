/**
 * Example third-party backends, shipped as their own jar: the {@code jvmopts} spawn backend (the stock
 * {@code process} backend, found by name, with extra JVM options for every child) and the {@code mem}
 * transport (frames through in-memory queues, for tests and in-JVM trees). They see only the SPIs; users
 * pick them by name, with no code change: {@code ActorOptions.spawnBackend("jvmopts")},
 * {@code RootOptions.spawnBackend("jvmopts")}, {@code TRACTOR_SPAWN_METHOD=jvmopts},
 * {@code RootOptions.transport("mem")}.
 */
module tractor.thirdparty {
    requires tractor.spawn.spi;
    requires tractor.transport.spi;
    exports tractor.thirdparty;
    uses tractor.spawn.spi.SpawnBackendProvider;
    provides tractor.spawn.spi.SpawnBackendProvider with tractor.thirdparty.JvmOptsBackendProvider;
    provides tractor.transport.spi.TransportProvider with tractor.thirdparty.MemTransport;
}
