package tractor;

import tractor.sc.TractorException;

/**
 * A child actor ended on its own with a failure exit status (it called {@code System.exit(3)}, was
 * killed by a signal, ran out of memory...) instead of ending by request. Its parent treats it as a
 * child error: the siblings are cancelled and the error surfaces from the actor nursery.
 */
public class ActorCrashed extends TractorException {
    private final ActorId actor;
    private final int exitCode;

    public ActorCrashed(ActorId actor, int exitCode, String detail) {
        super("actor " + actor + " crashed with exit code " + exitCode + (detail == null || detail.isBlank() ? "" : "; " + detail));
        this.actor = actor;
        this.exitCode = exitCode;
    }

    /** The actor that crashed. */
    public ActorId actor() {
        return actor;
    }

    /** Its exit status (137 for SIGKILL, 143 for SIGTERM, ...). */
    public int exitCode() {
        return exitCode;
    }
}
