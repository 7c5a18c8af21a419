package tractor.sc;

/** A {@code *Nowait} operation could not complete without blocking (trio's {@code WouldBlock}). */
public class WouldBlockException extends TractorException {
    public WouldBlockException(String message) {
        super(message);
    }
}
