/** The {@code thread} spawn backend (issue: the actor runtime). Sees only {@code tractor.spawn.spi}. */
package tractor.spawn.thread;
