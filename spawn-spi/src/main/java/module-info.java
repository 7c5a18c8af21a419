/** The spawn backend contract: how a parent asks for a child actor (process, thread, ...). */
module tractor.spawn.spi {
    requires transitive tractor.api;
    exports tractor.spawn.spi;
}
