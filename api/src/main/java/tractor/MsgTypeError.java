package tractor;

import tractor.sc.TractorException;

/**
 * A payload did not fit the payload spec of its dialog (tractor's {@code MsgTypeError}): checked strictly
 * on {@code started}, by the receiver on stream payloads. The message names the field, the expected and
 * the received type.
 */
public class MsgTypeError extends TractorException {
    public MsgTypeError(String message) {
        super(message);
    }

    public MsgTypeError(String message, Throwable cause) {
        super(message, cause);
    }
}
