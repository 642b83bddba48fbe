package org.infusionwatch.sims.testing;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Just enough of an MQTT v5 broker for tests: accepts a connection (announcing a Receive
 * Maximum), records QoS 0/1 PUBLISHes and acknowledges them, answers pings. No subscriptions.
 */
public final class FakeMqttBroker implements AutoCloseable {

    /** A PUBLISH received. */
    public record Published(String topic, int qos, byte[] payload) {
        public String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }
    }

    private final ServerSocket server;
    private final int receiveMaximum;
    private final List<Published> published = new CopyOnWriteArrayList<>();
    private final List<Socket> connections = new CopyOnWriteArrayList<>();

    /**
     * @param receiveMaximum the most unacknowledged QoS 1 publishes the client may have, told in CONNACK
     */
    public FakeMqttBroker(int receiveMaximum) throws IOException {
        this.receiveMaximum = receiveMaximum;
        this.server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        Thread acceptor = new Thread(this::acceptLoop, "fake-mqtt-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public String uri() {
        return "tcp://127.0.0.1:" + server.getLocalPort();
    }

    public List<Published> published() {
        return published;
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
                connections.add(socket);
                Thread t = new Thread(() -> serve(socket), "fake-mqtt-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            DataInputStream in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
            OutputStream out = socket.getOutputStream();
            while (true) {
                int header = in.read();
                if (header < 0) {
                    return;
                }
                byte[] body = new byte[readVarInt(in)];
                in.readFully(body);
                switch (header >> 4) {
                    case 1 -> write(out, 0x20, new byte[] {0, 0, 3, 0x21,
                            (byte) (receiveMaximum >> 8), (byte) receiveMaximum}); // CONNACK + Receive Maximum
                    case 3 -> onPublish(header, body, out);
                    case 12 -> write(out, 0xD0, new byte[0]); // PINGRESP
                    case 14 -> {
                        return; // DISCONNECT
                    }
                    default -> { }
                }
            }
        } catch (IOException e) {
            // connection closed
        }
    }

    private void onPublish(int header, byte[] body, OutputStream out) throws IOException {
        int qos = (header >> 1) & 3;
        int topicLength = ((body[0] & 0xFF) << 8) | (body[1] & 0xFF);
        String topic = new String(body, 2, topicLength, StandardCharsets.UTF_8);
        int pos = 2 + topicLength;
        byte[] packetId = null;
        if (qos > 0) {
            packetId = Arrays.copyOfRange(body, pos, pos + 2);
            pos += 2;
        }
        int[] propertiesLength = varInt(body, pos);
        pos = propertiesLength[1] + propertiesLength[0];
        published.add(new Published(topic, qos, Arrays.copyOfRange(body, pos, body.length)));
        if (qos == 1) {
            write(out, 0x40, new byte[] {packetId[0], packetId[1], 0, 0}); // PUBACK, success, no properties
        }
    }

    private static int readVarInt(InputStream in) throws IOException {
        int value = 0;
        for (int shift = 0; shift < 28; shift += 7) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("EOF in remaining length");
            }
            value |= (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        throw new IOException("malformed remaining length");
    }

    /** Returns {value, position after it}. */
    private static int[] varInt(byte[] bytes, int pos) {
        int value = 0;
        int shift = 0;
        while (true) {
            int b = bytes[pos++] & 0xFF;
            value |= (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return new int[] {value, pos};
            }
            shift += 7;
        }
    }

    private static synchronized void write(OutputStream out, int header, byte[] body) throws IOException {
        ByteArrayOutputStream packet = new ByteArrayOutputStream(body.length + 5);
        packet.write(header);
        int length = body.length;
        do {
            int b = length & 0x7F;
            length >>>= 7;
            packet.write(length > 0 ? b | 0x80 : b);
        } while (length > 0);
        packet.write(body);
        out.write(packet.toByteArray());
        out.flush();
    }
}
