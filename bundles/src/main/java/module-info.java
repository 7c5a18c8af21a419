/**
 * The OSGi probe bundle (issue: OSGi and JPMS deployment): a small tractor application that requires only
 * {@code tractor.api}, installed as a bundle into a real OSGi framework by this module's tests. The
 * backends it uses are other bundles, found by name; none is named in code other than by its short name.
 */
module tractor.bundles {
    requires tractor.api;
    exports tractor.bundles;
}
