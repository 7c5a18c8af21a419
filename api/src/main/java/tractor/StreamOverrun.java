package tractor;

import tractor.sc.TooSlowException;

/**
 * A stream receiver's buffer overflowed (tractor's {@code StreamOverrun}): the sender sent faster than the
 * receiving task consumed, and the receiver did not allow overruns. Raised on the receiving side, relayed
 * to the sender boxed in a {@link RemoteActorError}.
 */
public class StreamOverrun extends TooSlowException {
    public StreamOverrun(String message) {
        super(message);
    }
}
