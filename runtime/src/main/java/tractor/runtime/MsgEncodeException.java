package tractor.runtime;

import tractor.sc.TractorException;

/**
 * A value cannot be encoded: its type has no mapping and no registered extension, it nests deeper than
 * the limit, or the encoded frame exceeds the frame-size limit.
 */
public class MsgEncodeException extends TractorException {
    /** @param message what could not be encoded and why */
    public MsgEncodeException(String message) {
        super(message);
    }

    /** @param message what could not be encoded @param cause the underlying error */
    public MsgEncodeException(String message, Throwable cause) {
        super(message, cause);
    }
}
