package tractor;

import tractor.sc.TractorException;

/** A child actor failed to start: its process died or never connected back in time, or its runtime failed to boot. The message carries the exit code and the tail of its standard error when known. */
public class ActorStartupError extends TractorException {
    public ActorStartupError(String message) {
        super(message);
    }

    public ActorStartupError(String message, Throwable cause) {
        super(message, cause);
    }
}
