package org.infusionwatch.sims.load.baseline;

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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.infusionwatch.sims.wire.MllpFrameReader;
import org.infusionwatch.sims.wire.MllpFrames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The baseline gateway's MLLP side: one thread per connection reads each frame, hands the report
 * on and answers {@code AA} at once (a message it cannot read gets {@code AE} with the reason).
 * Blocking sockets, a thread per connection: the shortest path from a socket to an answer.
 */
final class BaselineMllpListener implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BaselineMllpListener.class);
    private static final int MAX_FRAME_BYTES = 1 << 20;

    /** Called on a connection's thread with each report read and the time its frame was complete. */
    interface ReportHandler {
        void onReport(BaselineReport report, long receivedNanos);
    }

    private final ServerSocket server;
    private final ReportHandler handler;
    private final Consumer<String> refused;
    private final List<Socket> connections = new CopyOnWriteArrayList<>();

    private BaselineMllpListener(ServerSocket server, ReportHandler handler, Consumer<String> refused) {
        this.server = server;
        this.handler = handler;
        this.refused = refused;
        Thread accept = new Thread(this::accept, "baseline-mllp-accept");
        accept.setDaemon(true);
        accept.start();
    }

    /**
     * Listens on {@code host:port} (0: any free port).
     *
     * @param refused told why each message it could not read was refused
     */
    static BaselineMllpListener start(String host, int port, ReportHandler handler, Consumer<String> refused)
            throws IOException {
        ServerSocket server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(InetAddress.getByName(host), port));
        return new BaselineMllpListener(server, handler, refused);
    }

    int port() {
        return server.getLocalPort();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                connections.add(s);
                Thread t = new Thread(() -> serve(s), "baseline-mllp-" + s.getPort());
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                if (!server.isClosed()) {
                    LOG.warn("baseline MLLP: accept failed: {}", e.toString());
                }
            }
        }
    }

    private void serve(Socket s) {
        try (s) {
            s.setTcpNoDelay(true);
            MllpFrameReader frames = new MllpFrameReader(new BufferedInputStream(s.getInputStream(), 64 * 1024),
                    MAX_FRAME_BYTES);
            OutputStream out = new BufferedOutputStream(s.getOutputStream(), 8 * 1024);
            while (true) {
                String message = frames.readFrame();
                long received = System.nanoTime();
                BaselineReport report;
                try {
                    report = BaselineReport.fromHl7(message);
                } catch (RuntimeException e) {
                    refused.accept(e.getMessage());
                    MllpFrames.write(out, ack("AE", controlIdOrEmpty(message), e.getMessage()));
                    out.flush();
                    continue;
                }
                handler.onReport(report, received);
                MllpFrames.write(out, ack("AA", report.controlId(), ""));
                out.flush();
            }
        } catch (EOFException e) {
            // the device side closed the connection
        } catch (IOException e) {
            if (!server.isClosed()) {
                LOG.warn("baseline MLLP: connection failed: {}", e.toString());
            }
        } finally {
            connections.remove(s);
        }
    }

    private static String ack(String code, String controlId, String text) {
        return "MSH|^~\\&|IWBASELINE||||||ACK^R01^ACK|" + controlId + "|P|2.6\rMSA|" + code + "|" + controlId
                + (text.isEmpty() ? "" : "|" + text.replaceAll("[|^~\\\\&\r\n]", " ")) + "\r";
    }

    private static String controlIdOrEmpty(String message) {
        int end = message.indexOf('\r');
        String[] f = (end < 0 ? message : message.substring(0, end)).split("\\|", -1);
        return f.length > 9 ? f[9] : "";
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket s : connections) {
            s.close();
        }
    }
}
