package org.infusionwatch.gateway;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * What the gateway measures about itself: the time from an input's arrival at the edge to the
 * moment its alert is handed to the MQTT client, plus heap, CPU, the count of MQTT messages it
 * took and how many inputs the engine ran on the edge thread that published them. Recording is thread-safe and allocation-free (HdrHistogram {@link Recorder});
 * {@link #snapshotJson()} is called by one thread, once a second.
 */
public final class GatewayMetrics {
    private static final long MAX_TRACKED_NS = TimeUnit.SECONDS.toNanos(60);

    private final Recorder alertLatency = new Recorder(MAX_TRACKED_NS, 3);
    private final Histogram alertLatencyTotal = new Histogram(MAX_TRACKED_NS, 3);
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private final ObjectMapper json = new ObjectMapper();
    private Histogram interval;
    private long lastCpuNs = os.getProcessCpuTime();
    private long lastWallNs = System.nanoTime();
    private long heapMaxSeenBytes;
    private volatile LongSupplier mqttAccepted = () -> 0L;
    private volatile LongSupplier mqttRefused = () -> 0L;
    private volatile LongSupplier engineOnEdgeThreads = () -> 0L;
    /** Accepted, refused, failed attempts, pending; null when no alert manager is configured. */
    private volatile LongSupplier[] alertManager;

    /** Input arrival to alert publication, nanoseconds. */
    public void recordAlertLatency(long nanos) {
        alertLatency.recordValue(Math.min(Math.max(nanos, 0), MAX_TRACKED_NS));
    }

    /**
     * Where the counts of MQTT messages the gateway took from its broker come from (accepted into
     * the ring, and refused but journaled). A load driver compares them with what the broker
     * confirmed to its publishers, so a message the broker dropped on its way to the gateway (a
     * full per-client queue) does not go unseen.
     */
    public void countMqttIntake(LongSupplier accepted, LongSupplier refused) {
        mqttAccepted = accepted;
        mqttRefused = refused;
    }

    /** Where the count of inputs the engine ran on the edge thread that published them comes from. */
    public void countEngineOnEdgeThreads(LongSupplier inputs) {
        engineOnEdgeThreads = inputs;
    }

    /**
     * Where the alert manager's counts come from: messages it accepted, messages it refused (AE,
     * CE), sends that failed and were tried again, and notices waiting to go.
     */
    public void countAlertManager(LongSupplier accepted, LongSupplier refused, LongSupplier failedAttempts,
                                  LongSupplier pending) {
        alertManager = new LongSupplier[] {accepted, refused, failedAttempts, pending};
    }

    /** Cumulative figures since start, as JSON for the metrics topic. */
    public byte[] snapshotJson() {
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
        m.put("alertLatency", latency);
        Map<String, Object> intake = new LinkedHashMap<>();
        intake.put("accepted", mqttAccepted.getAsLong());
        intake.put("refused", mqttRefused.getAsLong());
        m.put("mqttIntake", intake);
        m.put("engineInputsOnEdgeThreads", engineOnEdgeThreads.getAsLong());
        LongSupplier[] am = alertManager;
        if (am != null) {
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("accepted", am[0].getAsLong());
            a.put("refused", am[1].getAsLong());
            a.put("failedAttempts", am[2].getAsLong());
            a.put("pending", am[3].getAsLong());
            m.put("alertManager", a);
        }
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
