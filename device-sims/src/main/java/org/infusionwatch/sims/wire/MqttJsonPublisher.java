package org.infusionwatch.sims.wire;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttClientException;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.infusionwatch.sims.model.ClinicianEntry;
import org.infusionwatch.sims.model.DeviceSample;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes device reports and clinician entries as JSON over MQTT v5 (QoS 1, clean start,
 * automatic reconnect), on the topics of {@code docs/wire-formats.md}.
 *
 * <p>Bursts: MQTT v5 lets the broker cap how many QoS 1 publishes may await their PUBACK
 * (its Receive Maximum) and Paho refuses a publish beyond it. So messages wait in this
 * publisher's own FIFO queue and go out as PUBACKs free the window ({@code maxInFlight}, or the
 * broker's cap if smaller). While the connection is down they wait too and go out on reconnect;
 * a publish lost with a connection is sent again (at least once; {@code msgId} lets the receiver
 * drop duplicates). When the queue is full the oldest message is dropped and counted.
 *
 * <p>Threading: all public methods are thread-safe; {@code publish…} never block on the network.
 */
public final class MqttJsonPublisher implements EntrySink, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MqttJsonPublisher.class);
    private static final int QOS = 1;
    private static final int MAX_ATTEMPTS = 5;
    private static final long CONNECT_TIMEOUT_MS = 10_000;
    private static final long CLOSE_GRACE_MS = 2_000;

    private final MqttAsyncClient client;
    private final String serverUri;
    private final int maxInFlight;
    private final int maxQueued;
    private final JsonMessages json = new JsonMessages();
    private final Object lock = new Object();
    private final Deque<Outgoing> queue = new ArrayDeque<>();
    private int inFlight;
    private long published;
    private long dropped;
    private boolean closed;

    /**
     * @param maxInFlight most publishes awaiting PUBACK at once
     * @param maxQueued   most messages waiting for the window or a connection
     */
    public MqttJsonPublisher(String serverUri, String clientId, int maxInFlight, int maxQueued) {
        if (maxInFlight < 1 || maxQueued < 1) {
            throw new IllegalArgumentException("maxInFlight: " + maxInFlight + ", maxQueued: " + maxQueued
                    + " (expected: >= 1)");
        }
        this.serverUri = Objects.requireNonNull(serverUri, "serverUri");
        this.maxInFlight = maxInFlight;
        this.maxQueued = maxQueued;
        try {
            // Memory persistence: the default file persistence would litter the working directory.
            this.client = new MqttAsyncClient(serverUri, clientId, new MemoryPersistence());
        } catch (MqttException e) {
            throw new IllegalArgumentException("cannot create MQTT client for " + serverUri + ": " + e, e);
        }
        client.setCallback(new Callback());
    }

    /**
     * Connects, waiting up to 10 s. Later connection losses are repaired automatically.
     *
     * @throws MqttException if the first connection fails
     */
    public void connect() throws MqttException {
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(true);
        options.setAutomaticReconnect(true);
        options.setAutomaticReconnectDelay(1, 10);
        options.setKeepAliveInterval(30);
        if (serverUri.startsWith("tcp://")) {
            options.setSocketFactory(new NoDelaySocketFactory());
        }
        options.setConnectionTimeout((int) TimeUnit.MILLISECONDS.toSeconds(CONNECT_TIMEOUT_MS));
        client.connect(options).waitForCompletion(CONNECT_TIMEOUT_MS);
        log.info("MQTT connected to {}", serverUri);
    }

    /**
     * Publishes a device report on {@code icu/{unit}/{bed}/{device}/obs}, {@code device} being the
     * sample's own device (a pump station's pumps each have their own).
     */
    public void publishSample(DeviceAddress device, DeviceSample sample) {
        enqueue(new Outgoing(MqttTopics.observations(device.unit(), device.bed(), sample.deviceId()),
                json.observations(sample)));
    }

    /** Publishes a clinician entry on {@code icu/{unit}/{bed}/entries}. */
    @Override
    public void publishEntry(String unit, String bed, ClinicianEntry entry) {
        enqueue(new Outgoing(MqttTopics.entries(unit, bed), json.entry(entry)));
    }

    /** How many messages the broker has acknowledged. */
    public long published() {
        synchronized (lock) {
            return published;
        }
    }

    /** How many messages were dropped because the queue was full or they kept failing. */
    public long dropped() {
        synchronized (lock) {
            return dropped;
        }
    }

    /** Lets queued messages go out for up to 2 s, then disconnects. */
    @Override
    public void close() {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(CLOSE_GRACE_MS);
        synchronized (lock) {
            try {
                while ((!queue.isEmpty() || inFlight > 0) && client.isConnected()) {
                    long leftMs = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                    if (leftMs <= 0) {
                        break;
                    }
                    lock.wait(leftMs);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            closed = true;
            if (!queue.isEmpty() || inFlight > 0) {
                log.warn("MQTT closing with {} message(s) unsent and {} unacknowledged", queue.size(), inFlight);
            }
            queue.clear();
        }
        try {
            if (client.isConnected()) {
                client.disconnect(1_000).waitForCompletion(2_000);
            }
        } catch (MqttException e) {
            log.debug("MQTT disconnect failed", e);
        }
        try {
            client.close(true);
        } catch (MqttException e) {
            log.debug("MQTT close failed", e);
        }
    }

    private void enqueue(Outgoing message) {
        synchronized (lock) {
            if (closed) {
                return;
            }
            if (queue.size() >= maxQueued) {
                queue.pollFirst();
                if (dropped++ % 1_000 == 0) {
                    log.warn("MQTT queue full ({} messages): dropping the oldest ({} dropped so far)", maxQueued, dropped);
                }
            }
            queue.addLast(message);
            drain();
        }
    }

    /** Publishes from the head of the queue while the window allows. Call with the lock held. */
    private void drain() {
        while (!closed && inFlight < maxInFlight && !queue.isEmpty() && client.isConnected()) {
            Outgoing next = queue.pollFirst();
            MqttMessage message = new MqttMessage(next.payload);
            message.setQos(QOS);
            try {
                client.publish(next.topic, message, next, new Delivery());
                inFlight++;
            } catch (MqttException e) {
                // Usually the broker's window is full or the connection just dropped: the next
                // PUBACK or the reconnect drains again.
                queue.addFirst(next);
                if (e.getReasonCode() != MqttClientException.REASON_CODE_MAX_INFLIGHT) {
                    log.debug("MQTT publish deferred: {}", e.toString());
                }
                return;
            }
        }
    }

    /** One message waiting to go out. */
    private static final class Outgoing {
        final String topic;
        final byte[] payload;
        int attempts;

        Outgoing(String topic, byte[] payload) {
            this.topic = topic;
            this.payload = payload;
        }
    }

    private final class Delivery implements MqttActionListener {

        @Override
        public void onSuccess(IMqttToken token) {
            synchronized (lock) {
                inFlight--;
                published++;
                drain();
                lock.notifyAll();
            }
        }

        @Override
        public void onFailure(IMqttToken token, Throwable failure) {
            Outgoing message = (Outgoing) token.getUserContext();
            synchronized (lock) {
                inFlight--;
                if (++message.attempts < MAX_ATTEMPTS) {
                    queue.addFirst(message); // resend first, to keep the order
                } else {
                    dropped++;
                    log.warn("MQTT publish on {} failed {} times, dropped: {}", message.topic, MAX_ATTEMPTS,
                            failure.toString());
                }
                drain();
                lock.notifyAll();
            }
        }
    }

    private final class Callback implements MqttCallback {

        @Override
        public void connectComplete(boolean reconnect, String serverURI) {
            if (reconnect) {
                log.info("MQTT reconnected to {}", serverURI);
            }
            synchronized (lock) {
                drain();
            }
        }

        @Override
        public void disconnected(MqttDisconnectResponse response) {
            log.warn("MQTT connection to {} lost: {}", serverUri, response.getReasonString());
        }

        @Override
        public void mqttErrorOccurred(MqttException exception) {
            log.warn("MQTT error: {}", exception.toString());
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            // The simulators subscribe to nothing.
        }

        @Override
        public void deliveryComplete(IMqttToken token) {
            // Counted by the per-message listener.
        }

        @Override
        public void authPacketArrived(int reasonCode, MqttProperties properties) {
            // No enhanced authentication.
        }
    }
}
