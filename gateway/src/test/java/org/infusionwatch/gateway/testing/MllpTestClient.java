package org.infusionwatch.gateway.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** A blocking MLLP client for tests: sends raw bytes or framed messages and reads one ACK frame. */
public final class MllpTestClient implements AutoCloseable {
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    public MllpTestClient(int port) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(20_000);
        in = socket.getInputStream();
        out = socket.getOutputStream();
    }

    public void sendRaw(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    public void sendFramed(String message) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(0x0B);
        b.writeBytes(message.getBytes(StandardCharsets.UTF_8));
        b.write(0x1C);
        b.write(0x0D);
        sendRaw(b.toByteArray());
    }

    /** Reads the next ACK frame and returns its text, segments separated by \r. */
    public String readAck() throws IOException {
        int b;
        while ((b = in.read()) != 0x0B) {
            if (b < 0) {
                throw new IOException("connection closed before an ACK");
            }
        }
        ByteArrayOutputStream msg = new ByteArrayOutputStream();
        int prev = -1;
        while ((b = in.read()) >= 0) {
            if (prev == 0x1C && b == 0x0D) {
                byte[] all = msg.toByteArray();
                return new String(all, 0, all.length - 1, StandardCharsets.UTF_8);
            }
            msg.write(b);
            prev = b;
        }
        throw new IOException("connection closed inside an ACK");
    }

    /** MSA segment's fields of an ACK: [MSA, code, control id, text...]. */
    public static String[] msa(String ack) {
        for (String segment : ack.split("\r")) {
            if (segment.startsWith("MSA|")) {
                return segment.split("\\|", -1);
            }
        }
        throw new AssertionError("ACK has no MSA segment: " + ack.replace('\r', '\n'));
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
