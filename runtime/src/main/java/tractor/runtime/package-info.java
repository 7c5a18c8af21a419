/** The actor runtime implementation. Internal: applications use {@code tractor.api}. */
package tractor.runtime;
