/**
 * Spawn backend SPI (issue: the actor runtime). Will hold {@code SpawnBackendProvider} (keyed by a
 * short name such as {@code process} or {@code thread}), the spawn request and the child handle.
 */
package tractor.spawn.spi;
