/** OSGi glue: backends registered as OSGi services (issue: OSGi and JPMS deployment). */
module tractor.bundles {
    requires tractor.api;
}
