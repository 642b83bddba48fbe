package org.infusionwatch.gateway.mqtt;

import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.infusionwatch.agent.model.ClinicianEntry;
import org.infusionwatch.agent.model.DeviceReport;
import org.infusionwatch.agent.pipeline.AckHandle;
import org.infusionwatch.agent.pipeline.InboundPublisher;
import org.infusionwatch.agent.pipeline.InputSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Subscribes to device observations and clinician entries and puts them into the ring.
 * Acknowledgements are manual: the QoS 1 PUBACK leaves only once the journal has the message, so
 * a gateway crash before that makes the broker deliver it again. A payload that cannot be read is
 * counted, logged without its content, journaled as rejected and then acknowledged (redelivery
 * would not make it readable).
 *
 * <p>Paho calls {@link #messageArrived} on its callback thread; publishing into the ring is
 * thread-safe.
 */
public final class MqttIngest implements MqttCallback, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MqttIngest.class);

    private final MqttAsyncClient client;
    private final InboundPublisher publisher;
    private final ObservationPayloadDecoder observations;
    private final EntryPayloadDecoder entries;
    private final AlertActionPayloadDecoder actions;
    private final AtomicLong rejected = new AtomicLong();
    private final AtomicLong accepted = new AtomicLong();

    public MqttIngest(String serverUri, String clientId, InboundPublisher publisher,
                      ObservationPayloadDecoder observations, EntryPayloadDecoder entries) {
        this.client = MqttClients.create(serverUri, clientId);
        this.publisher = publisher;
        this.observations = observations;
        this.entries = entries;
        this.actions = new AlertActionPayloadDecoder(new com.fasterxml.jackson.databind.ObjectMapper());
        client.setManualAcks(true);
        client.setCallback(this);
    }

    /** Connects and subscribes; waits until the subscriptions are in place. */
    public void start() {
        try {
            client.connect(MqttClients.options(client.getServerURI(), true)).waitForCompletion(15_000);
            subscribe();
        } catch (MqttException e) {
            throw new IllegalStateException("MQTT ingest cannot connect to " + client.getServerURI() + ": " + e.getMessage(), e);
        }
    }

    private void subscribe() throws MqttException {
        client.subscribe(new String[] {Topics.OBSERVATIONS_FILTER, Topics.ENTRIES_FILTER, Topics.ALERT_ACTIONS_FILTER},
                        new int[] {1, 1, 1})
                .waitForCompletion(15_000);
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) {
        byte[] payload = message.getPayload();
        AckHandle ack = new MqttAck(message.getId(), message.getQos());
        InputSource source;
        try {
            if (topic.endsWith("/alert-actions")) {
                source = new InputSource(InputSource.Format.ACTION_JSON, topic);
                publisher.publishAlertAction(actions.decode(topic, payload), source, payload, ack);
            } else if (topic.endsWith("/entries")) {
                source = new InputSource(InputSource.Format.ENTRY_JSON, topic);
                ClinicianEntry entry = entries.decode(topic, payload);
                publisher.publishEntry(entry, source, payload, ack);
            } else {
                source = new InputSource(InputSource.Format.MQTT_JSON, topic);
                DeviceReport report = observations.decode(topic, payload);
                publisher.publishReport(report, source, payload, ack);
            }
            accepted.incrementAndGet();
        } catch (PayloadException e) {
            long n = rejected.incrementAndGet();
            LOG.warn("MQTT payload on {} refused ({} so far): {}", topic, n, e.getMessage());
            publisher.publishRejected(new InputSource(InputSource.Format.MQTT_JSON, topic), payload, e.getMessage(), ack);
        }
    }

    /** Payloads refused since start. */
    public long rejectedCount() {
        return rejected.get();
    }

    /** Payloads accepted since start. */
    public long acceptedCount() {
        return accepted.get();
    }

    @Override
    public void connectComplete(boolean reconnect, String serverUri) {
        if (reconnect) {
            LOG.info("MQTT ingest reconnected to {}", serverUri);
            try {
                subscribe();
            } catch (MqttException e) {
                LOG.error("MQTT ingest could not subscribe again after reconnecting", e);
            }
        }
    }

    @Override
    public void disconnected(MqttDisconnectResponse response) {
        LOG.warn("MQTT ingest disconnected: {}", response.getReasonString());
    }

    @Override
    public void mqttErrorOccurred(MqttException exception) {
        LOG.warn("MQTT ingest error", exception);
    }

    @Override
    public void deliveryComplete(IMqttToken token) {
    }

    @Override
    public void authPacketArrived(int reasonCode, MqttProperties properties) {
    }

    @Override
    public void close() {
        MqttClients.close(client, "MQTT ingest");
    }

    /** Sends the PUBACK once the journal holds the message; on failure sends nothing, so the broker redelivers. */
    private final class MqttAck implements AckHandle {
        private final int messageId;
        private final int qos;

        MqttAck(int messageId, int qos) {
            this.messageId = messageId;
            this.qos = qos;
        }

        @Override
        public void durable(long journalSeq) {
            if (qos == 0) {
                return;
            }
            try {
                client.messageArrivedComplete(messageId, qos);
            } catch (MqttException e) {
                LOG.warn("MQTT acknowledgement {} could not be sent; the broker will redeliver", messageId, e);
            }
        }

        @Override
        public void failed(Throwable cause) {
            LOG.error("MQTT message {} not stored; left unacknowledged for redelivery", messageId);
        }
    }
}
