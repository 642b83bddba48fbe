package org.infusionwatch.gateway;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.infusionwatch.gateway.mqtt.MqttNoticePublisher;

/** Publishes the gateway's metrics once a second on its metrics topic, for the load harness and operators. */
final class MetricsReporter implements AutoCloseable {
    private final ScheduledExecutorService timer;

    MetricsReporter(GatewayMetrics metrics, MqttNoticePublisher publisher, String topic) {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "metrics");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleAtFixedRate(() -> publisher.publishMetrics(topic, metrics.snapshotJson()), 1, 1, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
