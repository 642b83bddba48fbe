package org.infusionwatch.sims.load;

import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.infusionwatch.sims.wire.NoDelaySocketFactory;

/** Publishes the MQTT beds' reports, QoS 1, counting what the broker confirmed. */
final class MqttLoadPublisher implements AutoCloseable {
    private final MqttAsyncClient client;
    final AtomicLong sent = new AtomicLong();
    final AtomicLong confirmed = new AtomicLong();
    final AtomicLong failed = new AtomicLong();
    private final MqttActionListener listener = new MqttActionListener() {
        @Override
        public void onSuccess(IMqttToken token) {
            confirmed.incrementAndGet();
        }

        @Override
        public void onFailure(IMqttToken token, Throwable cause) {
            failed.incrementAndGet();
        }
    };

    MqttLoadPublisher(String serverUri, int index) throws MqttException {
        client = new MqttAsyncClient(serverUri, "iw-load-" + index + "-" + System.nanoTime(), new MemoryPersistence());
        MqttConnectionOptions o = new MqttConnectionOptions();
        o.setSocketFactory(new NoDelaySocketFactory());
        o.setCleanStart(true);
        client.connect(o).waitForCompletion(15_000);
    }

    /** Publishes unless the client's in-flight window is full; a refusal counts as failed. */
    void publish(String topic, byte[] payload) {
        try {
            client.publish(topic, payload, 1, false, null, listener);
            sent.incrementAndGet();
        } catch (MqttException e) {
            failed.incrementAndGet();
        }
    }

    @Override
    public void close() throws MqttException {
        client.disconnect().waitForCompletion(5_000);
        client.close();
    }
}
