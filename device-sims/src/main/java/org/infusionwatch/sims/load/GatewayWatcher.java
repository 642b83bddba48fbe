package org.infusionwatch.sims.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;
import org.eclipse.paho.mqttv5.client.IMqttMessageListener;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.infusionwatch.sims.wire.NoDelaySocketFactory;

/**
 * Watches the gateway from the outside as a nurse station would: the alerts of the load beds and
 * the gateway's own metrics topic. Each alert's latency is taken twice: from the moment the
 * message that completed it was due to leave the device (the target's figure, which counts any
 * delay of the driver's against the gateway), and, per transport, from the moment the driver
 * actually put it on the wire, which leaves the driver's own rounds out.
 */
final class GatewayWatcher implements AutoCloseable {
    private final MqttClient client;
    private final ObjectMapper json = new ObjectMapper();
    private final AlertLatencies latencies;
    private final Map<String, LoadBed> beds;
    private final LongSupplier runStartNanos;
    private final String expectedEvent;
    private final Set<String> alertedBeds = ConcurrentHashMap.newKeySet();
    private final AtomicInteger unexpectedAlerts = new AtomicInteger();
    private final AtomicReference<JsonNode> lastMetrics = new AtomicReference<>();

    /**
     * @param beds          the load beds by name
     * @param runStartNanos when the run started (System.nanoTime), once it has
     * @param expectedEvent the one event the beds' scenario raises; any other raised alert is counted as unexpected
     */
    GatewayWatcher(String serverUri, String gatewayName, AlertLatencies latencies, Map<String, LoadBed> beds,
                   LongSupplier runStartNanos, String expectedEvent)
            throws MqttException {
        this.expectedEvent = expectedEvent;
        this.latencies = latencies;
        this.beds = beds;
        this.runStartNanos = runStartNanos;
        client = new MqttClient(serverUri, "iw-load-watcher-" + System.nanoTime(), new MemoryPersistence());
        MqttConnectionOptions o = new MqttConnectionOptions();
        o.setSocketFactory(new NoDelaySocketFactory());
        o.setCleanStart(true);
        client.connect(o);
        IMqttMessageListener onAlert = (topic, message) -> onAlert(message.getPayload());
        IMqttMessageListener onMetrics = (topic, message) -> lastMetrics.set(read(message.getPayload()));
        client.subscribe(new MqttSubscription[] {
            new MqttSubscription("icu/" + LoadSettings.UNIT + "/+/alerts", 1),
            new MqttSubscription("infusionwatch/" + gatewayName + "/metrics", 0)},
                new IMqttMessageListener[] {onAlert, onMetrics});
    }

    private void onAlert(byte[] payload) {
        long now = System.nanoTime();
        JsonNode alert = read(payload);
        String bed = alert == null ? "" : alert.path("bed").asText();
        if (alert == null || !"RAISED".equals(alert.path("state").asText())) {
            return;
        }
        if (!expectedEvent.equals(alert.path("event").asText())) {
            unexpectedAlerts.incrementAndGet();
            return;
        }
        if (!alertedBeds.add(bed)) {
            return;
        }
        LoadBed loadBed = beds.get(bed);
        if (loadBed == null) {
            return;
        }
        long raisedMs = Instant.parse(alert.path("raisedTime").asText()).toEpochMilli();
        long dueElapsed = loadBed.dueElapsedNanos(raisedMs);
        latencies.recordFromDue(dueElapsed, now - (runStartNanos.getAsLong() + dueElapsed));
        long written = loadBed.writtenNanos(raisedMs);
        if (written >= 0) {
            (loadBed.overMqtt ? latencies.fromWireMqtt() : latencies.fromWireMllp()).record(now - written);
        }
    }

    private JsonNode read(byte[] payload) {
        try {
            return json.readTree(payload);
        } catch (IOException e) {
            return null;
        }
    }

    /** Raised alerts of any event other than the expected one: each is a false alert of the gateway's. */
    int unexpectedAlerts() {
        return unexpectedAlerts.get();
    }

    int alertedBeds() {
        return alertedBeds.size();
    }

    /**
     * MQTT messages the gateway says it has taken from the broker since it started (accepted or
     * refused, both journaled), from its latest metrics; 0 before any metrics, -1 when the gateway
     * does not report the count.
     */
    long mqttTakenByGateway() {
        JsonNode m = lastMetrics.get();
        if (m == null) {
            return 0;
        }
        JsonNode intake = m.path("mqttIntake");
        if (!intake.has("accepted")) {
            return -1;
        }
        return intake.path("accepted").asLong() + intake.path("refused").asLong();
    }

    /** The gateway's latest metrics snapshot, or null if none arrived. */
    JsonNode metrics() {
        return lastMetrics.get();
    }

    @Override
    public void close() throws MqttException {
        client.disconnect();
        client.close();
    }
}
