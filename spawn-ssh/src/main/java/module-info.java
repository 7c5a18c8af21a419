/**
 * The {@code ssh} spawn backend: every child actor is a JVM started on another host by the system
 * {@code ssh} client. Sees only the spawn SPI.
 */
module tractor.spawn.ssh {
    requires tractor.spawn.spi;
    provides tractor.spawn.spi.SpawnBackendProvider with tractor.spawn.ssh.SshBackendProvider;
}
