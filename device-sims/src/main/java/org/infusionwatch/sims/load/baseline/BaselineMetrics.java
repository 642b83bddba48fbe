package org.infusionwatch.sims.load.baseline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * The baseline gateway's figures, in the form of the gateway's metrics topic as far as the load
 * driver reads it ({@code alertLatency}, {@code mqttIntake}, CPU and heap), so that the driver
 * judges both the same way. Recording is thread-safe; {@link #snapshotJson()} is called by one
 * thread.
 */
final class BaselineMetrics {
    private static final long MAX_TRACKED_NS = TimeUnit.SECONDS.toNanos(60);

    private final Recorder alertLatency = new Recorder(MAX_TRACKED_NS, 3);
    private final Histogram alertLatencyTotal = new Histogram(MAX_TRACKED_NS, 3);
    private final AtomicLong mqttTaken = new AtomicLong();
    private final AtomicLong mqttRefused = new AtomicLong();
    private final AtomicLong mllpTaken = new AtomicLong();
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private final ObjectMapper json = new ObjectMapper();
    private Histogram interval;
    private long lastCpuNs = os.getProcessCpuTime();
    private long lastWallNs = System.nanoTime();
    private long heapMaxSeenBytes;

    /** A report received to its alert handed to the MQTT client, nanoseconds. */
    void recordAlertLatency(long nanos) {
        alertLatency.recordValue(Math.min(Math.max(nanos, 0), MAX_TRACKED_NS));
    }

    void countMqttReport() {
        mqttTaken.incrementAndGet();
    }

    /** An MQTT message taken from the broker that it could not read. */
    void countMqttRefused() {
        mqttRefused.incrementAndGet();
    }

    void countMllpReport() {
        mllpTaken.incrementAndGet();
    }

    long mllpReports() {
        return mllpTaken.get();
    }

    long mqttReports() {
        return mqttTaken.get();
    }

    byte[] snapshotJson() {
        interval = alertLatency.getIntervalHistogram(interval);
        alertLatencyTotal.add(interval);
        long cpuNs = os.getProcessCpuTime();
        long wallNs = System.nanoTime();
        double cpuCores = (cpuNs - lastCpuNs) / (double) Math.max(1, wallNs - lastWallNs);
        lastCpuNs = cpuNs;
        lastWallNs = wallNs;
        long heapUsed = memory.getHeapMemoryUsage().getUsed();
        heapMaxSeenBytes = Math.max(heapMaxSeenBytes, heapUsed);

        Map<String, Object> latency = new LinkedHashMap<>();
        latency.put("count", alertLatencyTotal.getTotalCount());
        latency.put("p50Ns", alertLatencyTotal.getValueAtPercentile(50));
        latency.put("p99Ns", alertLatencyTotal.getValueAtPercentile(99));
        latency.put("p999Ns", alertLatencyTotal.getValueAtPercentile(99.9));
        latency.put("maxNs", alertLatencyTotal.getMaxValue());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("timeMs", System.currentTimeMillis());
        m.put("baseline", true);
        m.put("alertLatency", latency);
        m.put("mqttIntake", Map.of("accepted", mqttTaken.get(), "refused", mqttRefused.get()));
        m.put("mllpReports", mllpTaken.get());
        m.put("cpuCores", cpuCores);
        m.put("cpuShareOfMachine", cpuCores / Runtime.getRuntime().availableProcessors());
        m.put("heapUsedBytes", heapUsed);
        m.put("heapMaxSeenBytes", heapMaxSeenBytes);
        m.put("heapLimitBytes", memory.getHeapMemoryUsage().getMax());
        try {
            return json.writeValueAsBytes(m);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
