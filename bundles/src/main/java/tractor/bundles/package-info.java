/** OSGi glue (issue: OSGi and JPMS deployment): backends registered as OSGi services. */
package tractor.bundles;
