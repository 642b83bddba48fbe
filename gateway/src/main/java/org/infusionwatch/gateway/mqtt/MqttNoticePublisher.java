package org.infusionwatch.gateway.mqtt;

import org.eclipse.paho.mqttv5.client.DisconnectedBufferOptions;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.infusionwatch.agent.eventlog.DeliveryLedger;
import org.infusionwatch.agent.model.AgentNotice;
import org.infusionwatch.agent.model.Alert;
import org.infusionwatch.agent.model.AlertChange;
import org.infusionwatch.agent.model.InfusionNotice;
import org.infusionwatch.agent.ports.NoticeSink;
import org.infusionwatch.gateway.GatewayMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes alerts on {@code icu/{unit}/{bed}/alerts} and infusion changes on
 * {@code icu/{unit}/{bed}/infusions}, QoS 1. While the broker is away, Paho buffers what is
 * published and sends it on reconnect. Called on the output thread; publishing is asynchronous.
 */
public final class MqttNoticePublisher implements NoticeSink, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MqttNoticePublisher.class);
    private static final int OFFLINE_BUFFER = 10_000;

    private final MqttAsyncClient client;
    private final NoticeJson json;
    private final DeliveryLedger ledger;
    private final GatewayMetrics metrics;

    /**
     * @param ledger  records what the broker confirmed, so a restart re-sends only what was lost
     * @param metrics where the time from input to alert publication is recorded
     */
    public MqttNoticePublisher(String serverUri, String clientId, NoticeJson json, DeliveryLedger ledger,
                               GatewayMetrics metrics) {
        this.client = MqttClients.create(serverUri, clientId);
        this.json = json;
        this.ledger = ledger;
        this.metrics = metrics;
        DisconnectedBufferOptions buffer = new DisconnectedBufferOptions();
        buffer.setBufferEnabled(true);
        buffer.setBufferSize(OFFLINE_BUFFER);
        buffer.setDeleteOldestMessages(false);
        client.setBufferOpts(buffer);
    }

    private final MqttActionListener confirmed = new MqttActionListener() {
        @Override
        public void onSuccess(IMqttToken token) {
            try {
                ledger.markDelivered((AgentNotice) token.getUserContext(), System.currentTimeMillis());
            } catch (RuntimeException e) {
                LOG.warn("broker confirmed a notice but the ledger could not record it; it may be sent again", e);
            }
        }

        @Override
        public void onFailure(IMqttToken token, Throwable cause) {
            LOG.warn("broker did not confirm a notice; it will be sent again after a restart", cause);
        }
    };

    public void start() {
        try {
            client.connect(MqttClients.options(false)).waitForCompletion(15_000);
        } catch (MqttException e) {
            throw new IllegalStateException("MQTT publisher cannot connect to " + client.getServerURI() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void onNotice(AgentNotice notice, long inputReceivedNanos) {
        try {
            if (notice instanceof Alert a) {
                client.publish(Topics.alerts(a.bed()), json.alert(a), 1, false, notice, confirmed);
                metrics.recordAlertLatency(System.nanoTime() - inputReceivedNanos);
            } else if (notice instanceof AlertChange c) {
                client.publish(Topics.alerts(c.bed()), json.alertChange(c), 1, false, notice, confirmed);
            } else if (notice instanceof InfusionNotice n) {
                client.publish(Topics.infusions(n.bed()), json.infusion(n), 1, true, notice, confirmed);
            }
        } catch (MqttException e) {
            LOG.error("could not publish {} for {} on MQTT", notice.getClass().getSimpleName(), notice.bed(), e);
        }
    }

    /** Publishes the gateway's own figures (QoS 0: the next snapshot replaces a lost one). */
    public void publishMetrics(String topic, byte[] payload) {
        try {
            client.publish(topic, payload, 0, false);
        } catch (MqttException e) {
            LOG.debug("metrics not published", e);
        }
    }

    @Override
    public void close() {
        MqttClients.close(client, "MQTT publisher");
    }
}
