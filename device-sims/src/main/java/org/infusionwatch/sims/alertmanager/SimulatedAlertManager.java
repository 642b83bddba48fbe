package org.infusionwatch.sims.alertmanager;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.infusionwatch.sims.wire.Hl7Text;
import org.infusionwatch.sims.wire.MllpFrameReader;
import org.infusionwatch.sims.wire.MllpFrames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A hospital alert manager, as far as the gateway can tell: listens for MLLP, reads each IHE
 * PCD-04 message ({@code ORU^R40}) it is sent, hands it to a listener and answers it with an ACK.
 * The answers can be scripted ({@link #answerNext}): {@code AE}, {@code AR}, {@code CA}..., or
 * {@link #DROP} to close the connection without answering, as an alert manager that fails would;
 * {@link #answerTwice} answers each message with CA and then AA.
 *
 * <p>Threading: one thread accepts, one thread per connection reads and answers; the listener is
 * called on the connection's thread. {@link #close()} may be called from any thread.
 */
public final class SimulatedAlertManager implements AutoCloseable {
    /** A scripted answer: close the connection instead of answering. */
    public static final String DROP = "DROP";
    private static final Logger LOG = LoggerFactory.getLogger(SimulatedAlertManager.class);
    private static final int MAX_FRAME_BYTES = 1 << 20;

    private final ServerSocket server;
    private final Consumer<ReceivedAlert> listener;
    private final Queue<String> script = new ConcurrentLinkedQueue<>();
    private final List<ReceivedAlert> received = new CopyOnWriteArrayList<>();
    private final List<Socket> connections = new CopyOnWriteArrayList<>();
    private volatile boolean answerTwice;
    private long ackSequence;

    private SimulatedAlertManager(ServerSocket server, Consumer<ReceivedAlert> listener) {
        this.server = server;
        this.listener = listener;
        Thread accept = new Thread(this::accept, "iwsim-alert-manager");
        accept.setDaemon(true);
        accept.start();
    }

    /**
     * Listens on {@code host:port} (port 0: any free port).
     *
     * @param listener called with each message received, resends included
     */
    public static SimulatedAlertManager start(String host, int port, Consumer<ReceivedAlert> listener) throws IOException {
        ServerSocket server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(InetAddress.getByName(host), port));
        return new SimulatedAlertManager(server, Objects.requireNonNull(listener, "listener"));
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Answers the next messages with these codes, in turn, then with {@code AA} again. */
    public SimulatedAlertManager answerNext(String... codes) {
        script.addAll(List.of(codes));
        return this;
    }

    /**
     * Answers every message twice from now on, CA (committed) and then its scripted answer, as an
     * alert manager in both acknowledgement modes at once does.
     */
    public SimulatedAlertManager answerTwice() {
        answerTwice = true;
        return this;
    }

    /** Every message received so far, in order, resends included. */
    public List<ReceivedAlert> received() {
        return received;
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                connections.add(s);
                Thread t = new Thread(() -> serve(s), "iwsim-alert-manager-" + s.getPort());
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                if (!server.isClosed()) {
                    LOG.warn("alert manager: accept failed: {}", e.toString());
                }
            }
        }
    }

    private void serve(Socket s) {
        try (s) {
            // One write per answer, sent at once: MLLP framing in separate small writes would wait
            // for the gateway's delayed TCP acknowledgement (some 40 ms) before each answer.
            s.setTcpNoDelay(true);
            MllpFrameReader reader = new MllpFrameReader(new BufferedInputStream(s.getInputStream()), MAX_FRAME_BYTES);
            OutputStream out = new BufferedOutputStream(s.getOutputStream());
            while (true) {
                ReceivedAlert alert = ReceivedAlert.read(reader.readFrame());
                received.add(alert);
                listener.accept(alert);
                String code = script.poll();
                if (DROP.equals(code)) {
                    return;
                }
                if (answerTwice) {
                    MllpFrames.write(out, ack("CA", alert.controlId()));
                }
                MllpFrames.write(out, ack(code == null ? "AA" : code, alert.controlId()));
                out.flush();
            }
        } catch (EOFException e) {
            // the gateway closed the connection
        } catch (IOException e) {
            if (!server.isClosed()) {
                LOG.warn("alert manager: connection from {} failed: {}", s.getRemoteSocketAddress(), e.toString());
            }
        } finally {
            connections.remove(s);
        }
    }

    private synchronized String ack(String code, String controlId) {
        boolean ok = code.equals("AA") || code.equals("CA");
        return "MSH|^~\\&|ALERT_MANAGER_SIM||||" + Hl7Text.timestamp(System.currentTimeMillis())
                + "||ACK^R40^ACK|AM" + (++ackSequence) + "|P|2.6\r"
                + "MSA|" + code + "|" + controlId + (ok ? "" : "|scripted " + code) + "\r";
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket s : connections) {
            s.close();
        }
    }
}
