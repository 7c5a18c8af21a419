package tractor.runtime;

/**
 * Well-formed msgpack that does not fit the expected type: an unknown {@code msg_type}, a missing required
 * field, a field of the wrong type, a payload that does not match the requested Java type. The runtime
 * turns this into tractor's {@code MsgTypeError}.
 */
public class MsgValidationException extends MsgDecodeException {
    /**
     * @param message what did not match
     * @param offset  byte offset where it was found, or -1
     */
    public MsgValidationException(String message, long offset) {
        super(message, offset, null);
    }
}
