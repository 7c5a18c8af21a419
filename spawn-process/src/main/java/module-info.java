/**
 * The {@code process} spawn backend: every child actor is a new JVM, supervised through its
 * {@link java.lang.Process}. Sees only the spawn SPI.
 */
module tractor.spawn.process {
    requires tractor.spawn.spi;
    provides tractor.spawn.spi.SpawnBackendProvider with tractor.spawn.process.ProcessBackendProvider;
}
