package org.infusionwatch.gateway.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.paho.mqttv5.client.IMqttMessageListener;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttSubscription;

/** An MQTT client, as a nurse station would be, collecting what the gateway publishes on a topic filter. */
public final class AlertSubscriber implements AutoCloseable {
    private final MqttClient client;
    private final List<JsonNode> received = new CopyOnWriteArrayList<>();
    private final ObjectMapper json = new ObjectMapper();

    public AlertSubscriber(String serverUri, String filter) throws MqttException {
        client = new MqttClient(serverUri, "test-subscriber-" + System.nanoTime(), new MemoryPersistence());
        MqttConnectionOptions o = new MqttConnectionOptions();
        o.setCleanStart(true);
        client.connect(o);
        client.subscribe(new MqttSubscription[] {new MqttSubscription(filter, 1)}, new IMqttMessageListener[] {(topic, message) -> {
            try {
                received.add(json.readTree(message.getPayload()));
            } catch (IOException e) {
                throw new IllegalStateException("gateway published something that is not JSON on " + topic, e);
            }
        }});
    }

    public List<JsonNode> received() {
        return List.copyOf(received);
    }

    /** Alerts raised for {@code bed} (state changes such as ESCALATED left out). */
    public List<JsonNode> forBed(String bed) {
        return inState(bed, "RAISED");
    }

    public List<JsonNode> inState(String bed, String state) {
        return received.stream().filter(n -> bed.equals(n.path("bed").asText()) && state.equals(n.path("state").asText()))
                .toList();
    }

    @Override
    public void close() throws MqttException {
        client.disconnect();
        client.close();
    }
}
