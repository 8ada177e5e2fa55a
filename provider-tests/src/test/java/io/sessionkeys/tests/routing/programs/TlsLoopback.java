package io.sessionkeys.tests.routing.programs;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.FileInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.Security;
import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

/**
 * An unmodified TLS application: a JSSE server and client over loopback, one cipher suite, a
 * given amount of data sent and its SHA-256 echoed back. Run in a child JVM, with or without
 * SessionKeys installed; prints what it negotiated.
 *
 * <p>Arguments: the protocol (TLSv1.3), the cipher suite, the number of bytes to send.
 */
public final class TlsLoopback {

    private TlsLoopback() {
    }

    public static void main(String[] args) throws Exception {
        String protocol = args[0];
        String suite = args[1];
        int total = Integer.parseInt(args[2]);
        SSLContext context = context();
        ExecutorService server = Executors.newSingleThreadExecutor();
        try (SSLServerSocket listening = (SSLServerSocket) context.getServerSocketFactory().createServerSocket(0)) {
            Future<byte[]> received = server.submit(() -> {
                try (SSLSocket s = (SSLSocket) listening.accept()) {
                    DataInputStream in = new DataInputStream(s.getInputStream());
                    byte[] all = new byte[in.readInt()];
                    in.readFully(all);
                    byte[] digest = MessageDigest.getInstance("SHA-256").digest(all);
                    DataOutputStream out = new DataOutputStream(s.getOutputStream());
                    out.write(digest);
                    out.flush();
                    return digest;
                }
            });
            try (SSLSocket client = (SSLSocket) context.getSocketFactory().createSocket("localhost",
                    listening.getLocalPort())) {
                client.setEnabledProtocols(new String[] {protocol});
                client.setEnabledCipherSuites(new String[] {suite});
                client.startHandshake();
                byte[] data = new byte[total];
                for (int i = 0; i < total; i++) {
                    data[i] = (byte) (i * 7);
                }
                DataOutputStream out = new DataOutputStream(client.getOutputStream());
                out.writeInt(total);
                for (int at = 0; at < total; at += 1000) { // many records
                    out.write(data, at, Math.min(1000, total - at));
                }
                out.flush();
                byte[] echoed = new DataInputStream(client.getInputStream()).readNBytes(32);
                boolean same = Arrays.equals(MessageDigest.getInstance("SHA-256").digest(data), echoed)
                        && Arrays.equals(echoed, received.get(60, TimeUnit.SECONDS));
                System.out.println("first.provider=" + Security.getProviders()[0].getName());
                System.out.println("tls.protocol=" + client.getSession().getProtocol());
                System.out.println("tls.suite=" + client.getSession().getCipherSuite());
                System.out.println("tls.bytes=" + total);
                System.out.println("tls.echo.matches=" + same);
            }
        } finally {
            server.shutdownNow();
        }
    }

    /** A self-signed EC certificate made by the JDK's keytool, trusted by the client. */
    private static SSLContext context() throws Exception {
        Path dir = Files.createTempDirectory("tls-loopback");
        Path store = dir.resolve("server.p12");
        char[] password = "changeit".toCharArray();
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=localhost", "-validity", "2", "-storetype", "PKCS12",
                "-keystore", store.toString(), "-storepass", "changeit", "-keypass", "changeit")
                .redirectErrorStream(true).start();
        String keytoolOutput = new String(keytool.getInputStream().readAllBytes());
        if (keytool.waitFor() != 0) {
            throw new IllegalStateException("keytool failed: " + keytoolOutput);
        }
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = new FileInputStream(store.toFile())) {
            ks.load(in, password);
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance("SunX509");
        kmf.init(ks, password);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX");
        tmf.init(ks);
        SSLContext context = SSLContext.getInstance("TLSv1.3");
        context.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        Files.delete(store);
        Files.delete(dir);
        return context;
    }
}
