package org.infusionwatch.sims.wire;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import org.junit.jupiter.api.Test;

class NoDelaySocketFactoryTest {
    @Test
    void everySocketItMakesHasNaglesAlgorithmOff() throws Exception {
        NoDelaySocketFactory factory = new NoDelaySocketFactory();
        InetAddress loopback = InetAddress.getLoopbackAddress();
        try (ServerSocket server = new ServerSocket(0, 4, loopback);
             Socket unconnected = factory.createSocket();
             Socket byAddress = factory.createSocket(loopback, server.getLocalPort());
             Socket byName = factory.createSocket(loopback.getHostAddress(), server.getLocalPort())) {
            unconnected.connect(new InetSocketAddress(loopback, server.getLocalPort()));
            assertTrue(unconnected.getTcpNoDelay());
            assertTrue(byAddress.getTcpNoDelay());
            assertTrue(byName.getTcpNoDelay());
        }
    }
}
