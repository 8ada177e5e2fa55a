package io.sessionkeys.compat.scenario;

import java.io.InputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedKeyManager;

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

    /** A server context, and how many times it had to choose a certificate (a resumed handshake does not). */
    public record Server(SSLContext context, AtomicInteger certificateChoices) {
    }

    public Server server() throws Exception {
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, PASSWORD);
        AtomicInteger choices = new AtomicInteger();
        X509ExtendedKeyManager counting = new CountingKeyManager((X509ExtendedKeyManager) kmf.getKeyManagers()[0], choices);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(new KeyManager[] {counting}, null, null);
        return new Server(context, choices);
    }

    public SSLContext client() throws Exception {
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, tmf.getTrustManagers(), null);
        return context;
    }

    /** Counts the server's certificate choices; delegates everything. */
    private static final class CountingKeyManager extends X509ExtendedKeyManager {
        private final X509ExtendedKeyManager delegate;
        private final AtomicInteger choices;

        CountingKeyManager(X509ExtendedKeyManager delegate, AtomicInteger choices) {
            this.delegate = delegate;
            this.choices = choices;
        }

        @Override
        public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
            String alias = delegate.chooseEngineServerAlias(keyType, issuers, engine);
            if (alias != null) {
                choices.incrementAndGet();
            }
            return alias;
        }

        @Override
        public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
            String alias = delegate.chooseServerAlias(keyType, issuers, socket);
            if (alias != null) {
                choices.incrementAndGet();
            }
            return alias;
        }

        @Override
        public String[] getClientAliases(String keyType, Principal[] issuers) {
            return delegate.getClientAliases(keyType, issuers);
        }

        @Override
        public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
            return delegate.chooseClientAlias(keyType, issuers, socket);
        }

        @Override
        public String[] getServerAliases(String keyType, Principal[] issuers) {
            return delegate.getServerAliases(keyType, issuers);
        }

        @Override
        public X509Certificate[] getCertificateChain(String alias) {
            return delegate.getCertificateChain(alias);
        }

        @Override
        public PrivateKey getPrivateKey(String alias) {
            return delegate.getPrivateKey(alias);
        }
    }
}
