package tractor.sc;

/**
 * Every sender of a channel was closed and its buffer is drained (trio's {@code EndOfChannel}): the
 * normal end of a stream of values. Iteration over a receiver ends quietly on it.
 */
public class EndOfChannelException extends TractorException {
    public EndOfChannelException(String message) {
        super(message);
    }
}
