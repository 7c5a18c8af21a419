/**
 * The spawn backend SPI: {@link tractor.spawn.spi.SpawnBackendProvider} (keyed by a short name such as
 * {@code process} or {@code thread}), the {@link tractor.spawn.spi.SpawnRequest} and the
 * {@link tractor.spawn.spi.ChildHandle} a backend returns. Backends see only this package and the API.
 */
package tractor.spawn.spi;
