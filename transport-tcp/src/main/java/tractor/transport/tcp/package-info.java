/** The {@code tcp} transport. Sees only {@code tractor.transport.spi}. */
package tractor.transport.tcp;
