package tractor;

import tractor.sc.TractorException;

/** No actor runtime runs in this process (or this thread, for thread-backend actors): open one with {@code Tractor.openNursery} or {@code Tractor.openRoot} first. */
public class NoRuntime extends TractorException {
    public NoRuntime(String message) {
        super(message);
    }

    public NoRuntime(String message, Throwable cause) {
        super(message, cause);
    }
}
