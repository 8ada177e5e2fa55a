package io.sessionkeys.compat.scenario;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;

/**
 * The JDK's own TLS (JSSE) over loopback: every cipher suite the JDK enables by default, for each
 * protocol version, in memory through SSLEngine; KeyUpdate; session resumption; and SSLSocket over
 * a real loopback socket.
 */
final class TlsCases {

    static final String LIBRARY = "JDK TLS (JSSE)";
    private static final List<String> PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");
    /** Smaller than {@link #KEY_UPDATE_BYTES}, larger than any per-suite transfer (see ScenarioRunner). */
    static final String KEY_LIMIT = "2^16";
    private static final int SUITE_BYTES = 16 * 1024;
    private static final int KEY_UPDATE_BYTES = 1024 * 1024;

    private final TlsMaterial material;

    TlsCases(TlsMaterial material) {
        this.material = material;
    }

    List<Case> all() throws Exception {
        List<Case> cases = new ArrayList<>();
        for (String protocol : PROTOCOLS) {
            for (String suite : defaultSuites(protocol)) {
                cases.add(new Case("tls.suite." + protocol + "." + suite, LIBRARY,
                        protocol + " " + suite + ", SSLEngine", () -> suite(protocol, suite)));
            }
        }
        for (String suite : defaultSuites("TLSv1.3")) {
            cases.add(new Case("tls.keyupdate.TLSv1.3." + suite, LIBRARY,
                    "TLSv1.3 " + suite + ", KeyUpdate after " + KEY_LIMIT + " bytes", () -> keyUpdate(suite)));
        }
        for (String protocol : PROTOCOLS) {
            cases.add(new Case("tls.resumption." + protocol, LIBRARY, protocol + " session resumption",
                    () -> resumption(protocol)));
            cases.add(new Case("tls.socket." + protocol, LIBRARY, protocol + " SSLSocket over loopback",
                    () -> socket(protocol)));
        }
        return cases;
    }

    /** The suites the JDK enables by default that {@code protocol} can negotiate. */
    static List<String> defaultSuites(String protocol) throws Exception {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, null, null);
        List<String> suites = new ArrayList<>();
        for (String suite : context.getDefaultSSLParameters().getCipherSuites()) {
            boolean tls13 = !suite.contains("_WITH_");
            if (suite.endsWith("_SCSV")) {
                continue;
            }
            if (tls13 == protocol.equals("TLSv1.3")) {
                suites.add(suite);
            }
        }
        return suites;
    }

    private String suite(String protocol, String suite) throws Exception {
        EnginePair pair = new EnginePair(material.client(), material.server(), protocol, suite, 4431);
        SSLSession session = pair.exchange(data(SUITE_BYTES, 1), data(SUITE_BYTES, 2));
        return session.getProtocol() + " " + session.getCipherSuite() + ", " + SUITE_BYTES + " bytes each way";
    }

    private String keyUpdate(String suite) throws Exception {
        EnginePair pair = new EnginePair(material.client(), material.server(), "TLSv1.3", suite, 4432);
        SSLSession session = pair.exchange(data(KEY_UPDATE_BYTES, 3), data(KEY_UPDATE_BYTES, 4));
        if (pair.postHandshakeRecordsAtServer() == 0) {
            throw new IllegalStateException("the client sent no KeyUpdate: jdk.tls.keyLimits did not take effect");
        }
        return session.getCipherSuite() + ", " + KEY_UPDATE_BYTES + " bytes each way, with KeyUpdate";
    }

    /**
     * Two connections from one client context to the same peer: the second must resume the first
     * session. A resumed session keeps the original's creation time (JSSE on JDK 17 and 25); the
     * pause makes a new full handshake visibly younger.
     */
    private String resumption(String protocol) throws Exception {
        SSLContext client = material.client();
        SSLContext server = material.server();
        SSLSession first = new EnginePair(client, server, protocol, null, 4433).exchange(data(100, 5), data(100, 6));
        Thread.sleep(20);
        SSLSession second = new EnginePair(client, server, protocol, null, 4433).exchange(data(100, 7), data(100, 8));
        if (second.getCreationTime() != first.getCreationTime()) {
            throw new IllegalStateException("the second connection was not resumed: it has a session of its own");
        }
        return second.getProtocol() + " " + second.getCipherSuite() + ", second connection resumed";
    }

    private String socket(String protocol) throws Exception {
        byte[] sent = data(64 * 1024, 9);
        InetAddress loopback = InetAddress.getLoopbackAddress();
        try (SSLServerSocket listener = (SSLServerSocket) material.server().getServerSocketFactory()
                .createServerSocket(0, 1, loopback)) {
            listener.setEnabledProtocols(new String[] {protocol});
            CompletableFuture<Void> echo = CompletableFuture.runAsync(() -> echoOnce(listener, sent.length));
            byte[] back = new byte[sent.length];
            SSLSession session;
            try (SSLSocket socket = (SSLSocket) material.client().getSocketFactory()
                    .createSocket(loopback, listener.getLocalPort())) {
                socket.getOutputStream().write(sent);
                socket.getOutputStream().flush();
                new DataInputStream(socket.getInputStream()).readFully(back);
                session = socket.getSession();
            }
            echo.get(20, TimeUnit.SECONDS);
            if (!Arrays.equals(sent, back)) {
                throw new IllegalStateException("the echo differs from what was sent");
            }
            return session.getProtocol() + " " + session.getCipherSuite() + ", " + sent.length + " bytes echoed";
        }
    }

    private static void echoOnce(SSLServerSocket listener, int length) {
        SSLSocket peer;
        try {
            peer = (SSLSocket) listener.accept();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        try {
            InputStream in = peer.getInputStream();
            OutputStream out = peer.getOutputStream();
            byte[] buffer = new byte[length];
            new DataInputStream(in).readFully(buffer);
            out.write(buffer);
            out.flush();
        } catch (IOException e) {
            closeQuietly(peer);
            throw new IllegalStateException(e);
        }
        // The echo is complete (the client compares it). Let the client close first; a client that
        // shuts its socket right after its close_notify can still break the pipe under the read or
        // the close that answers it, which says nothing about the echo.
        try {
            InputStream in = peer.getInputStream();
            while (in.read() >= 0) {
                // Nothing more is expected but the end of the stream.
            }
            peer.close();
        } catch (SocketException clientLeftFirst) {
            closeQuietly(peer);
        } catch (IOException e) {
            closeQuietly(peer);
            throw new IllegalStateException(e);
        }
    }

    private static void closeQuietly(SSLSocket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // Already broken: nothing to release that close() could still release.
        }
    }

    static byte[] data(int length, long seed) {
        byte[] bytes = new byte[length];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }
}
