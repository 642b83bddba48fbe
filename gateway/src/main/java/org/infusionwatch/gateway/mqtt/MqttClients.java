package org.infusionwatch.gateway.mqtt;

import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.slf4j.LoggerFactory;

/** Paho v5 clients set up the same way for every gateway connection. */
final class MqttClients {
    /** Unacknowledged QoS 1 messages the broker may have in flight to us: room for bursts. */
    static final int RECEIVE_MAXIMUM = 1024;

    private MqttClients() {
    }

    static MqttAsyncClient create(String serverUri, String clientId) {
        try {
            return new MqttAsyncClient(serverUri, clientId, new MemoryPersistence());
        } catch (MqttException e) {
            throw new IllegalStateException("cannot create MQTT client for " + serverUri + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reconnects by itself; a persistent session (expiry one day) lets the broker keep QoS 1
     * messages for the gateway while it restarts. Plain TCP connections send without Nagle's delay.
     */
    static MqttConnectionOptions options(String serverUri, boolean persistentSession) {
        MqttConnectionOptions o = new MqttConnectionOptions();
        o.setAutomaticReconnect(true);
        o.setAutomaticReconnectDelay(1, 10);
        o.setCleanStart(!persistentSession);
        o.setSessionExpiryInterval(persistentSession ? 86_400L : 0L);
        o.setReceiveMaximum(RECEIVE_MAXIMUM);
        o.setConnectionTimeout(10);
        o.setKeepAliveInterval(30);
        if (serverUri.startsWith("tcp://")) {
            o.setSocketFactory(new NoDelaySocketFactory());
        }
        return o;
    }

    /** Disconnects (waiting up to 5 s) and releases the client; a failure is logged, not thrown. */
    static void close(MqttAsyncClient client, String role) {
        try {
            if (client.isConnected()) {
                client.disconnect().waitForCompletion(5_000);
            }
            client.close(true);
        } catch (MqttException e) {
            LoggerFactory.getLogger(MqttClients.class).warn("{} did not close cleanly", role, e);
        }
    }
}
