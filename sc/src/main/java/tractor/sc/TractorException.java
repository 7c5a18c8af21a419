package tractor.sc;

/**
 * The root of every exception tractor throws (cancellation excepted: {@link Cancelled} is an
 * {@link Error} so that {@code catch (Exception e)} cannot swallow it).
 */
public class TractorException extends RuntimeException {
    public TractorException(String message) {
        super(message);
    }

    public TractorException(String message, Throwable cause) {
        super(message, cause);
    }
}
