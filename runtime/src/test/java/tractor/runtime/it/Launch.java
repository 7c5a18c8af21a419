package tractor.runtime.it;

/** Endpoints that tell how this actor's JVM was launched (the warm pool tests). */
public final class Launch {
    private Launch() {}

    /** This JVM's command line, as the OS reports it ("" when unknown). */
    public static String commandLine() {
        return ProcessHandle.current().info().commandLine().orElse("");
    }
}
