/**
 * An application that requires only {@code tractor.api}: the runtime, the spawn backends and the transports
 * are whatever modules are on the module path (or jars on the class path), found by ServiceLoader and
 * picked by name ({@code TRACTOR_SPAWN_METHOD}, {@code -Dtractor.transport}).
 */
module tractor.examples.jpms {
    requires tractor.api;
    exports tractor.examples.jpms;
}
