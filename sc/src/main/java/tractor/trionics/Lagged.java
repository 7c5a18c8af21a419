package tractor.trionics;

import tractor.sc.TooSlowException;

/**
 * A {@link BroadcastReceiver} fell more than its buffer behind the fastest consumer: the values it
 * missed are gone (tractor's {@code Lagged}, a {@code TooSlowError}). After it is thrown the
 * receiver's cursor sits on the oldest value still in the buffer, so the next receive resumes there.
 */
public final class Lagged extends TooSlowException {
    private final long skipped;

    Lagged(String receiver, long skipped) {
        super(receiver + " lagged: " + skipped + " value" + (skipped == 1 ? " was" : "s were")
                + " dropped from the broadcast buffer before it read them");
        this.skipped = skipped;
    }

    /** How many values this receiver missed. */
    public long skipped() {
        return skipped;
    }
}
