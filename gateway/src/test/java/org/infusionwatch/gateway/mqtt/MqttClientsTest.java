package org.infusionwatch.gateway.mqtt;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.junit.jupiter.api.Test;

class MqttClientsTest {
    @Test
    void plainTcpConnectionsSendWithoutNaglesDelay() throws Exception {
        MqttConnectionOptions options = MqttClients.options("tcp://127.0.0.1:1883", false);
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             Socket unconnected = options.getSocketFactory().createSocket();
             Socket direct = options.getSocketFactory().createSocket(InetAddress.getLoopbackAddress(), server.getLocalPort())) {
            unconnected.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort()));
            assertTrue(unconnected.getTcpNoDelay(), "socket created unconnected, as Paho does");
            assertTrue(direct.getTcpNoDelay(), "socket created connected");
        }
    }

    @Test
    void tlsConnectionsKeepPahosOwnSocketFactory() {
        assertNull(MqttClients.options("ssl://broker.example:8883", true).getSocketFactory());
    }
}
