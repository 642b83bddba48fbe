package org.infusionwatch.gateway.alertmanager;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * An alert manager on 127.0.0.1 for tests: reads MLLP frames, keeps each message, and answers
 * each with the next scripted reply (AA once the script is used up). A reply of {@code DROP}
 * closes the connection instead of answering.
 */
final class FakeAlertManager implements AutoCloseable {
    static final String DROP = "DROP";

    private final ServerSocket server;
    private final BlockingQueue<String> script = new LinkedBlockingQueue<>();
    private final List<String> received = new CopyOnWriteArrayList<>();
    private final Thread thread;
    private volatile Socket current;

    FakeAlertManager(int port, String... replies) throws IOException {
        server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        script.addAll(List.of(replies));
        thread = new Thread(this::serve, "fake-alert-manager");
        thread.setDaemon(true);
        thread.start();
    }

    int port() {
        return server.getLocalPort();
    }

    /** Every message received, in order, resends included. */
    List<String> received() {
        return received;
    }

    private void serve() {
        while (!server.isClosed()) {
            try (Socket s = server.accept()) {
                current = s;
                InputStream in = s.getInputStream();
                OutputStream out = s.getOutputStream();
                for (String message = readFrame(in); message != null; message = readFrame(in)) {
                    received.add(message);
                    String reply = script.poll();
                    if (DROP.equals(reply)) {
                        break;
                    }
                    out.write(frame(ack(reply == null ? "AA" : reply, controlId(message))));
                    out.flush();
                }
            } catch (IOException e) {
                // the connection or the server closed; wait for the next connection
            }
        }
    }

    private static String readFrame(InputStream in) throws IOException {
        int b = in.read();
        while (b != -1 && b != 0x0b) {
            b = in.read();
        }
        if (b == -1) {
            return null;
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (b = in.read(); b != -1; b = in.read()) {
            if (b == 0x1c) {
                in.read(); // the closing carriage return
                return body.toString(StandardCharsets.UTF_8);
            }
            body.write(b);
        }
        return null;
    }

    static String controlId(String message) {
        return message.substring(0, message.indexOf('\r')).split("\\|", -1)[9];
    }

    private static String ack(String code, String controlId) {
        return "MSH|^~\\&|ALERT_MANAGER|HOSPITAL|INFUSIONWATCH||20261127103000+0000||ACK^R40^ACK|A" + controlId
                + "|P|2.6\rMSA|" + code + "|" + controlId + (code.equals("AA") || code.equals("CA") ? "" : "|scripted " + code)
                + "\r";
    }

    private static byte[] frame(String message) {
        byte[] body = message.getBytes(StandardCharsets.UTF_8);
        byte[] framed = new byte[body.length + 3];
        framed[0] = 0x0b;
        System.arraycopy(body, 0, framed, 1, body.length);
        framed[body.length + 1] = 0x1c;
        framed[body.length + 2] = 0x0d;
        return framed;
    }

    @Override
    public void close() throws IOException {
        server.close();
        Socket s = current;
        if (s != null) {
            s.close();
        }
    }
}
