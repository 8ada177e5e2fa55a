package io.sessionkeys.compat.scenario;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/** The JDK's HTTPS clients ({@code HttpClient}, {@code HttpsURLConnection}) against its {@code HttpsServer}. */
final class HttpCases {

    static final String LIBRARY = "JDK HTTPS";
    private static final byte[] BODY = TlsCases.data(32 * 1024, 10);

    private final TlsMaterial material;

    HttpCases(TlsMaterial material) {
        this.material = material;
    }

    List<Case> all() {
        List<Case> cases = new ArrayList<>();
        for (String protocol : List.of("TLSv1.3", "TLSv1.2")) {
            cases.add(new Case("https.HttpClient." + protocol, LIBRARY,
                    "java.net.http.HttpClient GET over " + protocol, () -> httpClient(protocol)));
            cases.add(new Case("https.HttpsURLConnection." + protocol, LIBRARY,
                    "HttpsURLConnection GET over " + protocol, () -> urlConnection(protocol)));
        }
        return cases;
    }

    private String httpClient(String protocol) throws Exception {
        HttpsServer server = start(protocol);
        try {
            HttpClient client = HttpClient.newBuilder().sslContext(material.client())
                    .version(HttpClient.Version.HTTP_1_1).build();
            HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(uri(server)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            String negotiated = response.sslSession().map(s -> s.getProtocol() + " " + s.getCipherSuite()).orElse("no TLS");
            return check(response.statusCode(), response.body()) + ", " + negotiated;
        } finally {
            server.stop(0);
        }
    }

    private String urlConnection(String protocol) throws Exception {
        HttpsServer server = start(protocol);
        try {
            HttpsURLConnection connection = (HttpsURLConnection) uri(server).toURL().openConnection();
            connection.setSSLSocketFactory(material.client().getSocketFactory());
            byte[] body;
            String suite;
            int status;
            try (InputStream in = connection.getInputStream()) {
                suite = connection.getCipherSuite();
                status = connection.getResponseCode();
                body = in.readAllBytes();
            }
            connection.disconnect();
            return check(status, body) + ", " + suite;
        } finally {
            server.stop(0);
        }
    }

    private static String check(int status, byte[] body) {
        if (status != 200 || !Arrays.equals(body, BODY)) {
            throw new IllegalStateException("unexpected response: status " + status + ", " + body.length + " bytes");
        }
        return "200 OK, " + body.length + " bytes";
    }

    private static URI uri(HttpsServer server) {
        // The certificate names 127.0.0.1 as well as localhost; the literal avoids an IPv6 first answer.
        return URI.create("https://" + server.getAddress().getAddress().getHostAddress() + ":"
                + server.getAddress().getPort() + "/");
    }

    private HttpsServer start(String protocol) throws Exception {
        SSLContext context = material.server();
        HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(context) {
            @Override
            public void configure(HttpsParameters params) {
                SSLParameters p = context.getDefaultSSLParameters();
                p.setProtocols(new String[] {protocol});
                params.setSSLParameters(p);
            }
        });
        server.createContext("/", exchange -> {
            exchange.sendResponseHeaders(200, BODY.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(BODY);
            }
        });
        server.start();
        return server;
    }
}
