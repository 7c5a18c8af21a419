package tractor.spawn.spi;

import tractor.sc.TractorException;

/** A child could not be launched; the message names the backend and the step that failed. */
public class SpawnException extends TractorException {
    public SpawnException(String message) {
        super(message);
    }

    public SpawnException(String message, Throwable cause) {
        super(message, cause);
    }
}
