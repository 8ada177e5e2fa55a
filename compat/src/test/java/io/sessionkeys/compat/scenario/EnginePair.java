package io.sessionkeys.compat.scenario;

import java.nio.ByteBuffer;
import java.util.Arrays;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;

/**
 * A TLS client and server as two {@link SSLEngine}s joined in memory: no sockets, no threads, so a
 * handshake or a transfer is exactly the records the engines make. Counts, per side, the records
 * that arrived after that side's handshake and carried no application data: post-handshake
 * messages (NewSessionTicket, KeyUpdate).
 */
final class EnginePair {

    private static final int MAX_STEPS = 100_000;

    private final Side client;
    private final Side server;

    EnginePair(SSLContext clientContext, SSLContext serverContext, String protocol, String suite, int peerPort) {
        client = new Side(clientContext.createSSLEngine("localhost", peerPort), true, protocol, suite);
        server = new Side(serverContext.createSSLEngine(), false, protocol, suite);
    }

    /** Sends {@code toServer} and {@code toClient} at once and runs until both arrived; returns the client's session. */
    SSLSession exchange(byte[] toServer, byte[] toClient) throws SSLException {
        client.appOut = ByteBuffer.wrap(toServer);
        server.appOut = ByteBuffer.wrap(toClient);
        client.appIn = ByteBuffer.allocate(toClient.length + client.engine.getSession().getApplicationBufferSize());
        server.appIn = ByteBuffer.allocate(toServer.length + server.engine.getSession().getApplicationBufferSize());
        for (int step = 0; ; step++) {
            if (step > MAX_STEPS) {
                throw new IllegalStateException("the engines stopped making progress");
            }
            boolean moved = move(client, server) | move(server, client);
            if (!moved && client.done(toClient.length) && server.done(toServer.length)) {
                break;
            }
            if (!moved && step > 10) {
                throw new IllegalStateException("the engines stopped making progress: client "
                        + client.engine.getHandshakeStatus() + ", server " + server.engine.getHandshakeStatus());
            }
        }
        if (!Arrays.equals(received(server), toServer) || !Arrays.equals(received(client), toClient)) {
            throw new IllegalStateException("the data that arrived differs from the data sent");
        }
        return client.engine.getSession();
    }

    int postHandshakeRecordsAtServer() {
        return server.postHandshakeRecords;
    }

    private static byte[] received(Side side) {
        ByteBuffer in = side.appIn.duplicate().flip();
        byte[] bytes = new byte[in.remaining()];
        in.get(bytes);
        return bytes;
    }

    /** One record from {@code from}'s engine, then everything {@code to} can read. */
    private static boolean move(Side from, Side to) throws SSLException {
        boolean moved = false;
        SSLEngineResult wrapped = from.engine.wrap(from.appOut, from.netOut);
        runTasks(from.engine);
        from.noteFinished(wrapped);
        moved |= wrapped.bytesProduced() > 0 || wrapped.bytesConsumed() > 0;
        if (wrapped.getStatus() == SSLEngineResult.Status.BUFFER_OVERFLOW) {
            throw new IllegalStateException("network buffer too small");
        }
        from.netOut.flip();
        while (from.netOut.hasRemaining()) {
            SSLEngineResult r = to.engine.unwrap(from.netOut, to.appIn);
            runTasks(to.engine);
            if (r.getStatus() == SSLEngineResult.Status.BUFFER_OVERFLOW) {
                ByteBuffer bigger = ByteBuffer.allocate(to.appIn.capacity() * 2);
                to.appIn.flip();
                bigger.put(to.appIn);
                to.appIn = bigger;
                continue;
            }
            if (r.bytesConsumed() == 0 && r.bytesProduced() == 0) {
                break;
            }
            moved = true;
            if (to.finished && r.bytesProduced() == 0 && r.getStatus() == SSLEngineResult.Status.OK) {
                to.postHandshakeRecords++;
            }
            to.noteFinished(r);
        }
        from.netOut.compact();
        return moved;
    }

    private static void runTasks(SSLEngine engine) {
        Runnable task;
        while ((task = engine.getDelegatedTask()) != null) {
            task.run();
        }
    }

    private static final class Side {
        final SSLEngine engine;
        final ByteBuffer netOut;
        ByteBuffer appOut = ByteBuffer.allocate(0);
        ByteBuffer appIn = ByteBuffer.allocate(0);
        boolean finished;
        int postHandshakeRecords;

        Side(SSLEngine engine, boolean client, String protocol, String suite) {
            this.engine = engine;
            engine.setUseClientMode(client);
            SSLParameters p = engine.getSSLParameters();
            p.setProtocols(new String[] {protocol});
            if (suite != null) {
                p.setCipherSuites(new String[] {suite});
            }
            engine.setSSLParameters(p);
            netOut = ByteBuffer.allocate(engine.getSession().getPacketBufferSize() * 4);
        }

        void noteFinished(SSLEngineResult r) {
            if (r.getHandshakeStatus() == HandshakeStatus.FINISHED) {
                finished = true;
            }
        }

        boolean done(int expectedIn) {
            return finished && !appOut.hasRemaining() && appIn.position() == expectedIn
                    && engine.getHandshakeStatus() == HandshakeStatus.NOT_HANDSHAKING;
        }
    }
}
