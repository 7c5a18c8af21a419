package tractor.thirdparty;

/** A transport provider whose constructor fails (a broken third-party jar). */
public final class BrokenTransport extends Delegating {
    public BrokenTransport() {
        super(null);
        throw new IllegalStateException("BrokenTransport cannot start: missing native library (on purpose)");
    }
}
