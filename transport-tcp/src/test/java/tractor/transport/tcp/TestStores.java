package tractor.transport.tcp;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Throwaway PKCS12 stores made with the test JVM's own {@code keytool}: one key pair shared by the tree's
 * nodes (its store is also the trust store: a key entry's certificate is trusted), and a stranger's key
 * pair nobody trusts.
 */
record TestStores(Path node, Path stranger) {
    static final String PASSWORD = "changeit";

    static TestStores create(Path dir) throws Exception {
        TestStores s = new TestStores(dir.resolve("node.p12"), dir.resolve("stranger.p12"));
        keyPair(s.node, "tractor-node");
        keyPair(s.stranger, "stranger");
        return s;
    }

    /** The TLS settings of a node holding {@code keyStore} and trusting the node certificate. */
    Map<String, String> settings(Path keyStore) {
        return Map.of("tls.keyStore", keyStore.toString(), "tls.keyStorePassword", PASSWORD,
                "tls.trustStore", node.toString(), "tls.trustStorePassword", PASSWORD);
    }

    private static void keyPair(Path store, String cn) throws Exception {
        keytool("-genkeypair", "-alias", "key", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=" + cn, "-validity", "2",
                "-keystore", store.toString(), "-storetype", "PKCS12", "-storepass", PASSWORD, "-keypass", PASSWORD);
    }

    private static void keytool(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-J-XX:TieredStopAtLevel=1"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        try {
            String out = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) throw new IllegalStateException("keytool " + cmd + " failed: " + out);
        } finally {
            p.destroyForcibly();
        }
    }
}
