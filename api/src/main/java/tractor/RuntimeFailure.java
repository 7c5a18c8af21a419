package tractor;

import tractor.sc.TractorException;

/** The runtime was used against its rules: a second root in one program, a context opened to the local actor itself, an option that does not hold. */
public class RuntimeFailure extends TractorException {
    public RuntimeFailure(String message) {
        super(message);
    }

    public RuntimeFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
