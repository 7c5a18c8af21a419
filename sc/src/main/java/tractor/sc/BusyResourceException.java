package tractor.sc;

/** Another task is already using the resource in a way that excludes this use (trio's {@code BusyResourceError}). */
public class BusyResourceException extends TractorException {
    public BusyResourceException(String message) {
        super(message);
    }
}
