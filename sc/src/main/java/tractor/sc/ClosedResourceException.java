package tractor.sc;

/** The resource was closed by this side (trio's {@code ClosedResourceError}); it can no longer be used. */
public class ClosedResourceException extends TractorException {
    public ClosedResourceException(String message) {
        super(message);
    }
}
