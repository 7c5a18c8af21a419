package tractor.thirdparty;

import java.util.List;
import tractor.Tractor;

/** Endpoints the tests call in child actors. */
public final class Probe {
    private Probe() {}

    /** The child's pid, the backend mark {@code jvmopts} sets (or "none"), and the child's name. */
    public static List<Object> whoStartedMe() {
        return List.of(ProcessHandle.current().pid(), System.getProperty("tractor.thirdparty.backend", "none"),
                Tractor.currentActor().name());
    }
}
