/** The {@code thread} spawn backend: child actors on threads of this JVM. Sees only the spawn SPI. */
module tractor.spawn.thread {
    requires tractor.spawn.spi;
    provides tractor.spawn.spi.SpawnBackendProvider with tractor.spawn.thread.ThreadBackendProvider;
}
