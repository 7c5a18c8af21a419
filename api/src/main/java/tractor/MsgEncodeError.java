package tractor;

import tractor.sc.TractorException;

/**
 * A value this actor was asked to send cannot be encoded: its type has no wire mapping and no registered
 * extension type ({@link ExtTypes}), it nests deeper than the limit, or the encoded msg exceeds the frame
 * limit. Raised by the send that was given the value ({@link MsgStream#send}, {@link Context#started},
 * a call's arguments, a result): nothing of that msg was sent, so the stream or portal stays usable.
 */
public class MsgEncodeError extends TractorException {
    /** @param message what could not be encoded and why */
    public MsgEncodeError(String message) {
        super(message);
    }

    /** @param message what could not be encoded @param cause the underlying error */
    public MsgEncodeError(String message, Throwable cause) {
        super(message, cause);
    }
}
