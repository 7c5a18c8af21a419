package tractor.spawn.ssh;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import tractor.testkit.Netns;

/**
 * Host A (this namespace, {@link #A}) and host B (a network namespace, {@link #B}) joined by a veth
 * pair, with an sshd on B. Tests call {@link #open()} in {@code @BeforeAll} and {@link #close()} in
 * {@code @AfterAll}; where namespaces or sshd cannot be had, {@code open} skips the test class with the
 * reason (a JUnit assumption, printed by the runner).
 */
final class TwoHosts implements AutoCloseable {
    static final String A = "10.213.7.1";
    static final String B = "10.213.7.2";
    /** Every test's tree shares this secret (peer authentication on non-loopback binds). */
    static final String SECRET = "tractor-multihost-test-secret-7f3a";

    final Netns ns;
    final Sshd sshd;

    private TwoHosts(Netns ns, Sshd sshd) {
        this.ns = ns;
        this.sshd = sshd;
    }

    static TwoHosts open(boolean withSshd) throws Exception {
        String why = Netns.unavailable().orElse(null);
        if (why != null) System.out.println("SKIPPED multi-host tests: " + why);
        assumeTrue(why == null, () -> "multi-host tests need a network namespace: " + why);
        String noSshd = withSshd ? Sshd.unavailable() : null;
        if (noSshd != null) System.out.println("SKIPPED ssh tests: " + noSshd);
        assumeTrue(noSshd == null, () -> "ssh tests need sshd: " + noSshd);
        Netns ns = Netns.create("trmh", A, B);
        try {
            return new TwoHosts(ns, withSshd ? Sshd.start(ns) : null);
        } catch (Exception | Error e) {
            ns.close();
            throw e;
        }
    }

    @Override
    public void close() throws Exception {
        try {
            if (sshd != null) sshd.close();
        } finally {
            ns.close();
        }
    }
}
