/** The process spawn backend; sees only the spawn SPI. */
module tractor.spawn.process {
    requires tractor.spawn.spi;
}
