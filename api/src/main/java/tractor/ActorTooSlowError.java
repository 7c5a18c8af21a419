package tractor;

import tractor.sc.TractorException;

/** An actor did not acknowledge a cancel request within the bounded wait (tractor's {@code ActorTooSlowError}); the supervisor escalates to terminating its process. Deliberately not a {@link tractor.sc.TooSlowException}, so that a {@code failAfter} cannot swallow it. */
public class ActorTooSlowError extends TractorException {
    public ActorTooSlowError(String message) {
        super(message);
    }

    public ActorTooSlowError(String message, Throwable cause) {
        super(message, cause);
    }
}
