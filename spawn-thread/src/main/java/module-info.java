/** The thread spawn backend; sees only the spawn SPI. */
module tractor.spawn.thread {
    requires tractor.spawn.spi;
}
