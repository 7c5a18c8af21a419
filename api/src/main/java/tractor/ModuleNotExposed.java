package tractor;

import tractor.sc.TractorException;

/**
 * A peer asked to run a method of a class the target actor did not enable (tractor's
 * {@code ModuleNotExposed}). Raised in the target, seen by the caller boxed in a
 * {@link RemoteActorError}; the method is never run.
 */
public class ModuleNotExposed extends TractorException {
    public ModuleNotExposed(String message) {
        super(message);
    }
}
