package tractor.sc;

import java.time.Duration;

/** A {@code failAfter}/{@code failAt} deadline expired before the body finished (trio's {@code TooSlowError}). */
public class TooSlowException extends TractorException {
    public TooSlowException(String message) {
        super(message);
    }

    static TooSlowException after(Duration d) {
        return new TooSlowException("deadline of " + d + " expired");
    }
}
