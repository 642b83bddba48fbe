package org.infusionwatch.sims.testing;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.infusionwatch.sims.wire.MllpFrameReader;
import org.infusionwatch.sims.wire.MllpFrames;

/**
 * An HL7 receiver for tests on 127.0.0.1 and an ephemeral port: records every message and
 * answers {@code AA}, or first drops some connections right after a message without answering.
 */
public final class FakeMllpServer implements AutoCloseable {

    private final ServerSocket server;
    private final List<String> received = new CopyOnWriteArrayList<>();
    private final List<Socket> connections = new CopyOnWriteArrayList<>();
    private final AtomicInteger dropsLeft;
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicInteger ackCounter = new AtomicInteger();
    private volatile String ackCode = "AA";

    private FakeMllpServer(int drops) throws IOException {
        this.dropsLeft = new AtomicInteger(drops);
        this.server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        Thread acceptor = new Thread(this::acceptLoop, "fake-mllp-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Acknowledges every message with {@code AA}. */
    public static FakeMllpServer acking() throws IOException {
        return new FakeMllpServer(0);
    }

    /** Closes the connection after the first {@code drops} messages without answering, then acknowledges. */
    public static FakeMllpServer droppingFirst(int drops) throws IOException {
        return new FakeMllpServer(drops);
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Every message received, in arrival order, dropped ones included. */
    public List<String> received() {
        return received;
    }

    public int connectionsAccepted() {
        return accepted.get();
    }

    /** The MSA-1 code to answer with from now on. */
    public void answerWith(String code) {
        this.ackCode = code;
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket s : connections) {
            s.close();
        }
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                accepted.incrementAndGet();
                connections.add(socket);
                Thread reader = new Thread(() -> serve(socket), "fake-mllp-conn");
                reader.setDaemon(true);
                reader.start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            MllpFrameReader reader = new MllpFrameReader(new BufferedInputStream(socket.getInputStream()), 1 << 20);
            OutputStream out = socket.getOutputStream();
            while (true) {
                String message = reader.readFrame();
                received.add(message);
                if (dropsLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                    return; // drop the connection without an ACK
                }
                out.write(MllpFrames.frame(ack(message)));
                out.flush();
            }
        } catch (EOFException e) {
            // the client closed
        } catch (IOException e) {
            // closed by close()
        }
    }

    private String ack(String message) {
        String[] msh = message.substring(0, message.indexOf('\r')).split("\\|", -1);
        return "MSH|^~\\&|INFUSIONWATCH|TEST|" + msh[2] + "|" + msh[3] + "|20261122101500+0000||ACK^R01^ACK|ACK-"
                + ackCounter.incrementAndGet() + "|P|2.6\r"
                + "MSA|" + ackCode + "|" + msh[9] + "|" + (ackCode.equals("AA") ? "" : "refused in test") + "\r";
    }
}
