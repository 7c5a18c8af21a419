/** The {@code uds} transport. Sees only {@code tractor.transport.spi}. */
package tractor.transport.uds;
