package tractor.runtime;

/**
 * A value cannot be encoded: its type has no mapping and no registered extension, it nests deeper than
 * the limit, or the encoded frame exceeds the frame-size limit. Users see it as the API's
 * {@link tractor.MsgEncodeError}.
 */
public class MsgEncodeException extends tractor.MsgEncodeError {
    /** @param message what could not be encoded and why */
    public MsgEncodeException(String message) {
        super(message);
    }

    /** @param message what could not be encoded @param cause the underlying error */
    public MsgEncodeException(String message, Throwable cause) {
        super(message, cause);
    }
}
