package tractor.transport.spi;

import tractor.sc.TractorException;

/** A transport could not set itself up: an address in use, a directory it may not use. Cause chained. */
public class TransportException extends TractorException {
    public TransportException(String message) {
        super(message);
    }

    public TransportException(String message, Throwable cause) {
        super(message, cause);
    }
}
