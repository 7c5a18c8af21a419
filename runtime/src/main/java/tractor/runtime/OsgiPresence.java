package tractor.runtime;

/**
 * Whether the OSGi framework API is visible to the runtime (it is inside a framework, through the
 * optional import of {@code org.osgi.framework}; on the module path or class path it usually is not).
 * Checked without linking any OSGi type, so the runtime runs without the API.
 */
final class OsgiPresence {
    static final boolean AVAILABLE = visible("org.osgi.framework.FrameworkUtil");

    private OsgiPresence() {}

    static boolean visible(String className) {
        try {
            Class.forName(className, false, OsgiPresence.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
