package org.infusionwatch.gateway.mqtt;

import java.util.ArrayDeque;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
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
 * <p>A broker lets a client have only so many QoS 1 messages unconfirmed (the Receive Maximum
 * of its CONNACK: 20 for Mosquitto, 10 for HiveMQ by default), and neither side queues beyond
 * that for us: Paho may refuse the publish, and a broker may answer an excess one with a PUBACK
 * whose reason code says it was not taken. So a burst of notices (a thousand infusions opening in
 * the same second) waits here, in order, and at most the broker's window of them is handed to
 * Paho at a time; the next go as the broker confirms earlier ones. A PUBACK with a failure reason
 * code, or a publish lost with the connection, puts the notice back at the head of the queue (at
 * most {@value #MAX_ATTEMPTS} attempts). While the broker is away, Paho buffers what it was given
 * and sends it on reconnect. A notice that cannot be queued (the queue is full) or that the broker
 * keeps refusing is logged; the delivery ledger makes the next start send it.
 *
 * <p>{@link #onNotice} is called on the output thread; confirmations arrive on Paho's threads.
 * The queue is guarded by its own lock; publishing never blocks the caller.
 */
public final class MqttNoticePublisher implements NoticeSink, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MqttNoticePublisher.class);
    private static final int OFFLINE_BUFFER = 10_000;
    /** Notices waiting for room in the broker's in-flight window. */
    static final int QUEUE_LIMIT = 100_000;
    private static final long RETRY_MS = 5;
    private static final int MAX_ATTEMPTS = 5;
    /** MQTT 5's default Receive Maximum, when the broker names none. */
    private static final int DEFAULT_WINDOW = 65_535;

    private final MqttAsyncClient client;
    private final NoticeJson json;
    private final DeliveryLedger ledger;
    private final GatewayMetrics metrics;
    private final ArrayDeque<Outgoing> waiting = new ArrayDeque<>();
    private final ScheduledExecutorService retry = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "mqtt-publish-retry");
        t.setDaemon(true);
        return t;
    });
    /** A retry is scheduled; guarded by {@code waiting}. */
    private boolean retryPending;
    /** Publishes handed to Paho and not yet confirmed or failed; guarded by {@code waiting}. */
    private int inFlight;
    /** The broker's Receive Maximum; guarded by {@code waiting}. */
    private int window = DEFAULT_WINDOW;

    /** A notice on its way: where, what, and when the input that caused it was received. */
    private record Outgoing(String topic, byte[] payload, boolean retained, AgentNotice notice, long inputReceivedNanos,
                            int attempt) {
        Outgoing again() {
            return new Outgoing(topic, payload, retained, notice, inputReceivedNanos, attempt + 1);
        }
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
            Outgoing out = (Outgoing) token.getUserContext();
            int refused = refusal(token.getReasonCodes());
            if (refused != 0) {
                retryOrGiveUp(out, "the broker refused it (reason code 0x" + Integer.toHexString(refused) + ")");
                return;
            }
            synchronized (waiting) {
                inFlight--;
            }
            try {
                ledger.markDelivered(out.notice(), System.currentTimeMillis());
            } catch (RuntimeException e) {
                LOG.warn("broker confirmed a notice but the ledger could not record it; it may be sent again", e);
            }
            drain();
        }

        @Override
        public void onFailure(IMqttToken token, Throwable cause) {
            retryOrGiveUp((Outgoing) token.getUserContext(), String.valueOf(cause));
        }
    };

    /** The first failure reason code of a PUBACK (0x80 and above), or 0 when it was accepted. */
    private static int refusal(int[] reasonCodes) {
        if (reasonCodes != null) {
            for (int code : reasonCodes) {
                if (code >= 0x80) {
                    return code;
                }
            }
        }
        return 0;
    }

    private void retryOrGiveUp(Outgoing out, String why) {
        synchronized (waiting) {
            inFlight--;
            if (out.attempt() < MAX_ATTEMPTS) {
                waiting.addFirst(out.again());
                scheduleRetry();
                return;
            }
        }
        LOG.error("{} for {} not published after {} attempts ({}); it will be sent again after a restart",
                out.notice().getClass().getSimpleName(), out.notice().bed(), MAX_ATTEMPTS, why);
        drain();
    }

    public void start() {
        try {
            IMqttToken connected = client.connect(MqttClients.options(client.getServerURI(), false));
            connected.waitForCompletion(15_000);
            Integer receiveMaximum = connected.getResponseProperties() == null ? null
                    : connected.getResponseProperties().getReceiveMaximum();
            synchronized (waiting) {
                window = receiveMaximum == null || receiveMaximum <= 0 ? DEFAULT_WINDOW : receiveMaximum;
            }
        } catch (MqttException e) {
            throw new IllegalStateException("MQTT publisher cannot connect to " + client.getServerURI() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void onNotice(AgentNotice notice, long inputReceivedNanos) {
        Outgoing out;
        if (notice instanceof Alert a) {
            out = new Outgoing(Topics.alerts(a.bed()), json.alert(a), false, notice, inputReceivedNanos, 1);
        } else if (notice instanceof AlertChange c) {
            out = new Outgoing(Topics.alerts(c.bed()), json.alertChange(c), false, notice, inputReceivedNanos, 1);
        } else if (notice instanceof InfusionNotice n) {
            out = new Outgoing(Topics.infusions(n.bed()), json.infusion(n), true, notice, inputReceivedNanos, 1);
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
            while (inFlight < window && (next = waiting.peekFirst()) != null) {
                try {
                    client.publish(next.topic(), next.payload(), 1, next.retained(), next, confirmed);
                    inFlight++;
                } catch (MqttException e) {
                    if (e.getReasonCode() == MqttClientException.REASON_CODE_MAX_INFLIGHT) {
                        scheduleRetry();
                        return; // the next confirmation, or the retry, drains again
                    }
                    LOG.error("could not publish {} for {} on MQTT; it will be sent after a restart",
                            next.notice().getClass().getSimpleName(), next.notice().bed(), e);
                }
                waiting.pollFirst();
                if (next.notice() instanceof Alert && next.attempt() == 1) {
                    metrics.recordAlertLatency(System.nanoTime() - next.inputReceivedNanos());
                }
            }
        }
    }

    /** Called with {@code waiting} held. */
    private void scheduleRetry() {
        if (retryPending) {
            return;
        }
        retryPending = true;
        try {
            retry.schedule(() -> {
                synchronized (waiting) {
                    retryPending = false;
                }
                drain();
            }, RETRY_MS, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            retryPending = false; // closing
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
        retry.shutdownNow();
        MqttClients.close(client, "MQTT publisher");
    }
}
