/**
 * The OSGi probe: an application bundle that opens actor trees inside an OSGi framework, with the backends
 * picked by name ({@code thread}, {@code process}) from the bundles installed beside it.
 */
package tractor.bundles;
