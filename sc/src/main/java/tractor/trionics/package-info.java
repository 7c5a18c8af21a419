/**
 * Structured-concurrency helpers built on {@code tractor.sc}, usable without the actor runtime:
 * concurrent entry of scoped resources, keyed shared resources, broadcast receivers.
 */
package tractor.trionics;
