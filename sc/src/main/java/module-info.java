/**
 * Structured concurrency for virtual threads with trio's semantics: task nurseries, level-triggered
 * cancel scopes with deadlines and shields, checkpoints, memory channels and exception groups.
 * Usable alone, without the actor runtime; {@code tractor.trionics} adds the extras.
 */
module tractor.sc {
    exports tractor.sc;
    exports tractor.trionics;
    exports tractor.sc.interop;
}
