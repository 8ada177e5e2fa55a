package io.sessionkeys.compat.scenario;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Collections;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The keys and self-signed certificates the scenarios use (RSA, EC and DSA, made by keytool before
 * the child JVM starts), and fresh TLS contexts over them: every case gets its own contexts, so
 * that no session cache carries over from one case to the next.
 */
public final class TlsMaterial {

    public static final char[] PASSWORD = "changeit".toCharArray();

    private final KeyStore keys;
    private final KeyStore trust;

    private TlsMaterial(KeyStore keys, KeyStore trust) {
        this.keys = keys;
        this.trust = trust;
    }

    public static TlsMaterial load(Path keyStore) throws Exception {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore)) {
            keys.load(in, PASSWORD);
        }
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        for (String alias : Collections.list(keys.aliases())) {
            trust.setCertificateEntry(alias, keys.getCertificate(alias));
        }
        return new TlsMaterial(keys, trust);
    }

    public X509Certificate certificate(String alias) throws Exception {
        return (X509Certificate) keys.getCertificate(alias);
    }

    public PrivateKey privateKey(String alias) throws Exception {
        return (PrivateKey) keys.getKey(alias, PASSWORD);
    }

    public SSLContext server() throws Exception {
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, PASSWORD);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(kmf.getKeyManagers(), null, null);
        return context;
    }

    public SSLContext client() throws Exception {
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, tmf.getTrustManagers(), null);
        return context;
    }
}
