package tractor.runtime.it;

/** A class whose static initializer throws: enabling it must fail (test_rpc 54, the "syntax error" analogue). */
public final class BrokenInit {
    private BrokenInit() {}

    static {
        if (Boolean.parseBoolean("true")) throw new IllegalStateException("BrokenInit refuses to initialize");
    }

    public static int value() {
        return 1;
    }
}
