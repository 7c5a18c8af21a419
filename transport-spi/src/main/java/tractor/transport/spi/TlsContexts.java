package tractor.transport.spi;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The {@link SSLContext} of a set of TLS settings ({@link TransportSecurity#settings()}), built once per
 * distinct settings: {@value #KEY_STORE} (required to turn TLS on), {@value #KEY_STORE_PASSWORD},
 * {@value #KEY_PASSWORD} (default: the key store's), {@value #TRUST_STORE} (default: the key store),
 * {@value #TRUST_STORE_PASSWORD} (default: the key store's), {@value #STORE_TYPE} (default PKCS12),
 * {@value #PROTOCOL} (default TLSv1.3), {@value #CLIENT_AUTH} ({@code required}, the default, or
 * {@code none}).
 */
final class TlsContexts {
    static final String KEY_STORE = "tls.keyStore";
    static final String KEY_STORE_PASSWORD = "tls.keyStorePassword";
    static final String KEY_PASSWORD = "tls.keyPassword";
    static final String TRUST_STORE = "tls.trustStore";
    static final String TRUST_STORE_PASSWORD = "tls.trustStorePassword";
    static final String STORE_TYPE = "tls.storeType";
    static final String PROTOCOL = "tls.protocol";
    static final String CLIENT_AUTH = "tls.clientAuth";

    private static final Map<Map<String, String>, SSLContext> CACHE = new ConcurrentHashMap<>();

    private TlsContexts() {}

    static boolean enabled(Map<String, String> settings) {
        return settings.containsKey(KEY_STORE);
    }

    static boolean clientAuth(Map<String, String> settings) {
        return !"none".equals(settings.getOrDefault(CLIENT_AUTH, "required"));
    }

    /**
     * @throws TransportException when a store cannot be read or the settings are inconsistent
     */
    static SSLContext of(Map<String, String> settings) {
        return CACHE.computeIfAbsent(settings, TlsContexts::build);
    }

    private static SSLContext build(Map<String, String> s) {
        String clientAuth = s.getOrDefault(CLIENT_AUTH, "required");
        if (!clientAuth.equals("required") && !clientAuth.equals("none")) {
            throw new TransportException("TLS setting " + CLIENT_AUTH + " must be \"required\" or \"none\", got \"" + clientAuth + "\"");
        }
        char[] ksPass = s.getOrDefault(KEY_STORE_PASSWORD, "").toCharArray();
        try {
            KeyStore keys = load(s.get(KEY_STORE), ksPass, s);
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(keys, s.containsKey(KEY_PASSWORD) ? s.get(KEY_PASSWORD).toCharArray() : ksPass);
            KeyStore trust = s.containsKey(TRUST_STORE)
                    ? load(s.get(TRUST_STORE), s.getOrDefault(TRUST_STORE_PASSWORD, s.getOrDefault(KEY_STORE_PASSWORD, "")).toCharArray(), s)
                    : keys;
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext ctx = SSLContext.getInstance(s.getOrDefault(PROTOCOL, "TLSv1.3"));
            ctx.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
            return ctx;
        } catch (IOException | GeneralSecurityException e) {
            throw new TransportException("cannot set up TLS from " + KEY_STORE + "=" + s.get(KEY_STORE)
                    + (s.containsKey(TRUST_STORE) ? ", " + TRUST_STORE + "=" + s.get(TRUST_STORE) : "") + ": " + e, e);
        }
    }

    private static KeyStore load(String file, char[] password, Map<String, String> s) throws IOException, GeneralSecurityException {
        KeyStore ks = KeyStore.getInstance(s.getOrDefault(STORE_TYPE, "PKCS12"));
        try (InputStream in = Files.newInputStream(Path.of(file))) {
            ks.load(in, password);
        }
        return ks;
    }
}
