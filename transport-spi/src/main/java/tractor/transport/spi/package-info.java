/** Transport SPI: addresses, listeners, frame channels and their providers. */
package tractor.transport.spi;
