package io.sessionkeys.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;

/**
 * A TLS client and server as two SSLEngines joined in memory (no sockets, no threads), connected
 * with one protocol and cipher suite. The server's RSA certificate is made by the JDK's keytool.
 */
final class TlsLoopback {

    private static final char[] PASSWORD = "changeit".toCharArray();

    final SSLEngine client;
    final SSLEngine server;

    private TlsLoopback(SSLEngine client, SSLEngine server) {
        this.client = client;
        this.server = server;
    }

    static TlsLoopback connect(String protocol, String suite) throws IOException, GeneralSecurityException,
            InterruptedException {
        KeyStore keys = serverKeys();
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, PASSWORD);
        SSLContext serverContext = SSLContext.getInstance("TLS");
        serverContext.init(kmf.getKeyManagers(), null, null);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(keys);
        SSLContext clientContext = SSLContext.getInstance("TLS");
        clientContext.init(null, tmf.getTrustManagers(), null);

        TlsLoopback pair = new TlsLoopback(configure(clientContext.createSSLEngine("localhost", 443), true,
                protocol, suite), configure(serverContext.createSSLEngine(), false, protocol, suite));
        pair.handshake();
        return pair;
    }

    private static SSLEngine configure(SSLEngine engine, boolean client, String protocol, String suite) {
        engine.setUseClientMode(client);
        SSLParameters p = engine.getSSLParameters();
        p.setProtocols(new String[] {protocol});
        p.setCipherSuites(new String[] {suite});
        engine.setSSLParameters(p);
        return engine;
    }

    /** Runs both engines until neither has handshake work left (post-handshake tickets included). */
    private void handshake() throws IOException {
        ByteBuffer toServer = ByteBuffer.allocate(client.getSession().getPacketBufferSize() * 4);
        ByteBuffer toClient = ByteBuffer.allocate(server.getSession().getPacketBufferSize() * 4);
        ByteBuffer clientApp = ByteBuffer.allocate(client.getSession().getApplicationBufferSize() * 2);
        ByteBuffer serverApp = ByteBuffer.allocate(server.getSession().getApplicationBufferSize() * 2);
        ByteBuffer empty = ByteBuffer.allocate(0);
        for (int step = 0; step < 1000; step++) {
            boolean moved = pass(client, empty, toServer, server, serverApp)
                    | pass(server, empty, toClient, client, clientApp);
            if (!moved && client.getHandshakeStatus() == HandshakeStatus.NOT_HANDSHAKING
                    && server.getHandshakeStatus() == HandshakeStatus.NOT_HANDSHAKING) {
                return;
            }
        }
        throw new IOException("the TLS handshake did not finish");
    }

    private static boolean pass(SSLEngine from, ByteBuffer app, ByteBuffer net, SSLEngine to, ByteBuffer into)
            throws IOException {
        SSLEngineResult wrapped = from.wrap(app, net);
        runTasks(from);
        boolean moved = wrapped.bytesProduced() > 0;
        net.flip();
        while (net.hasRemaining()) {
            SSLEngineResult r = to.unwrap(net, into);
            runTasks(to);
            if (r.bytesConsumed() == 0) {
                break;
            }
            moved = true;
            into.clear();
        }
        net.compact();
        return moved;
    }

    private static void runTasks(SSLEngine engine) {
        Runnable task;
        while ((task = engine.getDelegatedTask()) != null) {
            task.run();
        }
    }

    private static KeyStore serverKeys() throws IOException, GeneralSecurityException, InterruptedException {
        Path dir = Files.createTempDirectory("tls-bench");
        Path file = dir.resolve("server.p12");
        try {
            Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                    "-genkeypair", "-alias", "server", "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=localhost",
                    "-validity", "2", "-storetype", "PKCS12", "-keystore", file.toString(),
                    "-storepass", new String(PASSWORD), "-keypass", new String(PASSWORD))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (keytool.waitFor() != 0 || !Files.exists(file)) {
                throw new IOException("keytool could not make the server certificate");
            }
            KeyStore keys = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(file)) {
                keys.load(in, PASSWORD);
            }
            return keys;
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(dir);
        }
    }
}
