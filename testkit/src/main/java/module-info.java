/**
 * The test kit every module of tractor uses: every test bounded by a timeout that dumps all threads
 * (virtual ones included) on expiry, and a leak check after each test.
 */
module tractor.testkit {
    requires transitive org.junit.jupiter.api;
    requires java.management;
    requires jdk.management;
    exports tractor.testkit;
    uses tractor.testkit.LeakProbe;
    provides org.junit.jupiter.api.extension.Extension with tractor.testkit.BoundedAndLeakFree;
}
