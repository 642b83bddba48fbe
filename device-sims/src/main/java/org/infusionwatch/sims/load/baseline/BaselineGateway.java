package org.infusionwatch.sims.load.baseline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.infusionwatch.sims.scenario.Scenarios;
import org.infusionwatch.sims.wire.NoDelaySocketFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The floor for the load harness: a stand-in for the gateway that does the least any gateway
 * must do with the load's traffic, so that a run against it shows what the machine, the broker
 * and the driver cost before any gateway work. It takes the same inputs (HL7 over MLLP, JSON
 * over MQTT), answers every MLLP message at once, and publishes each load bed's alert on the
 * gateway's alert topic as soon as the report that raises it arrives, with the gateway's metrics
 * topic beside it. It keeps no journal (an MLLP answer or MQTT acknowledgement does not wait for
 * a disk), runs no rules, keeps no views: which report raises a bed's alert it is told
 * ({@link BaselineBeds}), not reads from the vital signs. Never a gateway for a ward.
 *
 * <p>Threading: one MLLP thread (a selector over every connection) and Paho's callback thread
 * read reports and publish alerts (Paho's asynchronous client is thread-safe); one thread
 * publishes the metrics each second.
 */
public final class BaselineGateway implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BaselineGateway.class);
    private static final String OBSERVATIONS = "icu/+/+/+/obs";
    /** The event of the load beds' scenario, which the driver expects of every alert. */
    private static final String ALERT_EVENT = Scenarios.HYPOXEMIA_WORSENING;

    private final MqttAsyncClient mqtt;
    private final BaselineMllpListener mllp;
    private final BaselineBeds beds;
    private final BaselineMetrics metrics = new BaselineMetrics();
    private final ScheduledExecutorService metricsThread;
    private final String metricsTopic;
    private final ObjectMapper json = new ObjectMapper();

    private BaselineGateway(String mllpHost, int mllpPort, String mqttUri, String gatewayName, long alertAfterMs)
            throws IOException, MqttException {
        beds = new BaselineBeds(alertAfterMs);
        // The JSON writer's first use builds its serializers (tens of ms); the gateway warms its
        // alert path at start too, so neither pays it on a measured alert.
        alertJson(new BaselineReport("WARMUP", "WARMUP", 0, ""));
        metricsTopic = "infusionwatch/" + gatewayName + "/metrics";
        mqtt = new MqttAsyncClient(mqttUri, "iw-baseline-" + System.nanoTime(), new MemoryPersistence());
        mqtt.setCallback(new Intake());
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setSocketFactory(new NoDelaySocketFactory());
        options.setCleanStart(true);
        options.setReceiveMaximum(1024);
        mqtt.connect(options).waitForCompletion(15_000);
        try {
            mqtt.subscribe(new MqttSubscription(OBSERVATIONS, 1)).waitForCompletion(15_000);
            mllp = BaselineMllpListener.start(mllpHost, mllpPort, this::onMllpReport,
                    reason -> LOG.warn("baseline: MLLP message refused: {}", reason));
        } catch (IOException | MqttException | RuntimeException e) {
            try {
                mqtt.disconnectForcibly(1_000);
                mqtt.close();
            } catch (MqttException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
        metricsThread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "baseline-metrics");
            t.setDaemon(true);
            return t;
        });
        metricsThread.scheduleAtFixedRate(this::publishMetrics, 1, 1, TimeUnit.SECONDS);
    }

    /**
     * Starts it.
     *
     * @param mllpPort     0 for any free port
     * @param alertAfterMs event time from a load bed's first report to the report that raises its alert
     */
    public static BaselineGateway start(String mllpHost, int mllpPort, String mqttUri, String gatewayName,
                                        long alertAfterMs) throws IOException, MqttException {
        return new BaselineGateway(mllpHost, mllpPort, mqttUri, gatewayName, alertAfterMs);
    }

    public int mllpPort() {
        return mllp.port();
    }

    /** Reports read so far over MLLP and over MQTT. */
    public long reportsTaken() {
        return metrics.mllpReports() + metrics.mqttReports();
    }

    private void onMllpReport(BaselineReport report, long receivedNanos) {
        metrics.countMllpReport();
        alertIfDue(report, receivedNanos);
    }

    private void alertIfDue(BaselineReport report, long receivedNanos) {
        if (!beds.raisesAlert(report.bed(), report.eventMs())) {
            return;
        }
        try {
            mqtt.publish("icu/" + report.unit() + "/" + report.bed() + "/alerts", alertJson(report), 1, false);
            metrics.recordAlertLatency(System.nanoTime() - receivedNanos);
        } catch (MqttException | JsonProcessingException | RuntimeException e) {
            // The bed's next report tries again; the driver counts an alert that never came.
            beds.notRaised(report.bed());
            LOG.error("baseline: alert of bed {} not published, tried again on its next report: {}", report.bed(),
                    e.toString());
        }
    }

    private byte[] alertJson(BaselineReport report) throws JsonProcessingException {
        Map<String, Object> alert = new LinkedHashMap<>();
        alert.put("alertId", "baseline-" + report.bed());
        alert.put("unit", report.unit());
        alert.put("bed", report.bed());
        alert.put("event", ALERT_EVENT);
        alert.put("state", "RAISED");
        alert.put("raisedTime", Instant.ofEpochMilli(report.eventMs()).toString());
        alert.put("baseline", true);
        return json.writeValueAsBytes(alert);
    }

    private void publishMetrics() {
        try {
            mqtt.publish(metricsTopic, metrics.snapshotJson(), 0, false);
        } catch (MqttException | RuntimeException e) {
            LOG.warn("baseline: metrics not published: {}", e.toString());
        }
    }

    /** Paho's callback: MQTT reports in; the client acknowledges each once this returns. */
    private final class Intake implements MqttCallback {
        @Override
        public void messageArrived(String topic, MqttMessage message) {
            long received = System.nanoTime();
            BaselineReport report;
            try {
                report = BaselineReport.fromMqtt(topic, new String(message.getPayload(), StandardCharsets.UTF_8));
                metrics.countMqttReport();
            } catch (RuntimeException e) {
                metrics.countMqttRefused();
                LOG.warn("baseline: MQTT message on {} not read: {}", topic, e.getMessage());
                return;
            }
            alertIfDue(report, received);
        }

        @Override
        public void disconnected(MqttDisconnectResponse response) {
            LOG.error("baseline: MQTT connection lost: {}", response);
        }

        @Override
        public void mqttErrorOccurred(MqttException exception) {
            LOG.error("baseline: MQTT error: {}", exception.toString());
        }

        @Override
        public void deliveryComplete(IMqttToken token) {
        }

        @Override
        public void connectComplete(boolean reconnect, String serverUri) {
        }

        @Override
        public void authPacketArrived(int reasonCode, MqttProperties properties) {
        }
    }

    @Override
    public void close() throws IOException, MqttException {
        metricsThread.shutdownNow();
        mllp.close();
        mqtt.disconnect().waitForCompletion(5_000);
        mqtt.close();
    }
}
