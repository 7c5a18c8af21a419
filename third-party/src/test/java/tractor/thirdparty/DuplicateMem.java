package tractor.thirdparty;

/** A second provider named {@code mem} (the same transport, so the one kept does not matter). */
public final class DuplicateMem extends Delegating {
    public DuplicateMem() {
        super(new MemTransport());
    }
}
