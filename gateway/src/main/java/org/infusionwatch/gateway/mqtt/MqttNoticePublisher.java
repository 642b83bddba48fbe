package org.infusionwatch.gateway.mqtt;

import java.util.ArrayDeque;
import org.eclipse.paho.mqttv5.client.DisconnectedBufferOptions;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttClientException;
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
 * {@code icu/{unit}/{bed}/infusions}, QoS 1.
 *
 * <p>A broker lets a client have only so many QoS 1 messages unconfirmed (its Receive Maximum:
 * 20 for Mosquitto, 10 for HiveMQ by default), and Paho refuses a publish beyond that rather than
 * queueing it. A burst of notices (a thousand infusions opening in the same second) therefore
 * waits here, in order, and is handed to Paho as the broker confirms earlier ones. While the
 * broker is away, Paho buffers what it was given and sends it on reconnect. A notice that cannot
 * be queued (the queue is full) is logged; the delivery ledger makes the next start send it.
 *
 * <p>{@link #onNotice} is called on the output thread; confirmations arrive on Paho's threads.
 * The queue is guarded by its own lock; publishing never blocks the caller.
 */
public final class MqttNoticePublisher implements NoticeSink, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MqttNoticePublisher.class);
    private static final int OFFLINE_BUFFER = 10_000;
    /** Notices waiting for room in the broker's in-flight window. */
    static final int QUEUE_LIMIT = 100_000;

    private final MqttAsyncClient client;
    private final NoticeJson json;
    private final DeliveryLedger ledger;
    private final GatewayMetrics metrics;
    private final ArrayDeque<Outgoing> waiting = new ArrayDeque<>();

    /** A notice on its way: where, what, and when the input that caused it was received. */
    private record Outgoing(String topic, byte[] payload, boolean retained, AgentNotice notice, long inputReceivedNanos) {
    }

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
            drain();
        }

        @Override
        public void onFailure(IMqttToken token, Throwable cause) {
            LOG.warn("broker did not confirm a notice; it will be sent again after a restart", cause);
            drain();
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
        Outgoing out;
        if (notice instanceof Alert a) {
            out = new Outgoing(Topics.alerts(a.bed()), json.alert(a), false, notice, inputReceivedNanos);
        } else if (notice instanceof AlertChange c) {
            out = new Outgoing(Topics.alerts(c.bed()), json.alertChange(c), false, notice, inputReceivedNanos);
        } else if (notice instanceof InfusionNotice n) {
            out = new Outgoing(Topics.infusions(n.bed()), json.infusion(n), true, notice, inputReceivedNanos);
        } else {
            return;
        }
        synchronized (waiting) {
            if (waiting.size() >= QUEUE_LIMIT) {
                LOG.error("MQTT publish queue full ({} notices): {} for {} will be sent after a restart", QUEUE_LIMIT,
                        notice.getClass().getSimpleName(), notice.bed());
                return;
            }
            waiting.addLast(out);
        }
        drain();
    }

    /** Hands waiting notices to Paho, in order, until the broker's in-flight window is full. */
    private void drain() {
        synchronized (waiting) {
            Outgoing next;
            while ((next = waiting.peekFirst()) != null) {
                try {
                    client.publish(next.topic(), next.payload(), 1, next.retained(), next.notice(), confirmed);
                } catch (MqttException e) {
                    if (e.getReasonCode() == MqttClientException.REASON_CODE_MAX_INFLIGHT) {
                        return; // the next confirmation drains again
                    }
                    LOG.error("could not publish {} for {} on MQTT; it will be sent after a restart",
                            next.notice().getClass().getSimpleName(), next.notice().bed(), e);
                }
                waiting.pollFirst();
                if (next.notice() instanceof Alert) {
                    metrics.recordAlertLatency(System.nanoTime() - next.inputReceivedNanos());
                }
            }
        }
    }

    /** Notices waiting for the broker's in-flight window, for metrics. */
    public int waiting() {
        synchronized (waiting) {
            return waiting.size();
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
