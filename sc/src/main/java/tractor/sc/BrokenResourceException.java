package tractor.sc;

/**
 * The resource was broken by the other side or by the transport beneath it (trio's
 * {@code BrokenResourceError}); the cause, when known, is chained.
 */
public class BrokenResourceException extends TractorException {
    public BrokenResourceException(String message) {
        super(message);
    }

    public BrokenResourceException(String message, Throwable cause) {
        super(message, cause);
    }
}
