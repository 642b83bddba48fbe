package org.infusionwatch.sims.load;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * What a load run measured, and the verdict against the targets: gateway-internal input-to-alert
 * p99 under 1 ms, device-to-subscriber p99 under 5 ms, heap under 256 MB, idle CPU under 1 % of
 * the machine, every message accepted, every expected alert seen and no other.
 */
public record LoadResult(
        LoadSettings settings,
        long offered,
        long mllpSent,
        long mllpAccepted,
        long mllpRefused,
        long mqttSent,
        long mqttConfirmed,
        long mqttFailed,
        long mqttTakenByGateway,
        Histogram ackLatency,
        Histogram alertLatency,
        Histogram alertLatencyAtFullLoad,
        Histogram alertFromWireMllp,
        Histogram alertFromWireMqtt,
        Histogram sendLateness,
        int expectedAlerts,
        int alertsSeen,
        int unexpectedAlerts,
        JsonNode gatewayMetrics,
        double idleCpuShare) {

    static final long INTERNAL_P99_NS = 1_000_000L;
    static final long END_TO_END_P99_NS = 5_000_000L;
    static final long HEAP_LIMIT_BYTES = 256L * 1024 * 1024;
    static final double IDLE_CPU_SHARE = 0.01;

    /** One line per target: "PASS …" or "FAIL …". */
    public List<String> verdicts() {
        List<String> v = new ArrayList<>();
        v.add(check(mllpAccepted == mllpSent && mllpRefused == 0,
                "every MLLP message accepted (%d of %d, %d refused)".formatted(mllpAccepted, mllpSent, mllpRefused)));
        v.add(check(mqttConfirmed == mqttSent && mqttFailed == 0,
                "every MQTT message confirmed (%d of %d, %d failed)".formatted(mqttConfirmed, mqttSent, mqttFailed)));
        v.add(mqttTakenByGateway < 0 ? "FAIL the gateway does not report how many MQTT messages it took"
                : check(mqttTakenByGateway >= mqttConfirmed,
                        "the gateway took every MQTT message the broker confirmed (%d of %d)"
                                .formatted(mqttTakenByGateway, mqttConfirmed)));
        v.add(check(alertsSeen >= expectedAlerts, "alerts seen %d of %d expected".formatted(alertsSeen, expectedAlerts)));
        v.add(check(unexpectedAlerts == 0, "no alert of another event (%d)".formatted(unexpectedAlerts)));
        v.add(check(alertLatency.getTotalCount() > 0 && alertLatency.getValueAtPercentile(99) < END_TO_END_P99_NS,
                "device socket → MQTT subscriber p99 %s < 5 ms".formatted(LatencyStats.ms(alertLatency.getValueAtPercentile(99)))));
        if (gatewayMetrics == null) {
            v.add("FAIL no metrics from the gateway (is --gateway-name right?)");
        } else {
            long internalP99 = gatewayMetrics.path("alertLatency").path("p99Ns").asLong();
            long heap = gatewayMetrics.path("heapMaxSeenBytes").asLong();
            v.add(check(gatewayMetrics.path("alertLatency").path("count").asLong() > 0 && internalP99 < INTERNAL_P99_NS,
                    "gateway input → alert published p99 %s < 1 ms".formatted(LatencyStats.ms(internalP99))));
            v.add(check(heap < HEAP_LIMIT_BYTES, "gateway heap max seen %d MB < 256 MB".formatted(heap >> 20)));
        }
        if (!Double.isNaN(idleCpuShare)) {
            v.add(check(idleCpuShare < IDLE_CPU_SHARE,
                    "gateway idle CPU %.2f %% of the machine < 1 %%".formatted(idleCpuShare * 100)));
        }
        return v;
    }

    public boolean passed() {
        return verdicts().stream().allMatch(s -> s.startsWith("PASS"));
    }

    public void print(PrintStream out) {
        double seconds = settings.durationSeconds();
        out.printf("offered %d reports in %d s (%.0f/s): MLLP sent %d (%.0f/s), MQTT sent %d (%.0f/s)%n", offered,
                settings.durationSeconds(), offered / seconds, mllpSent, mllpSent / seconds, mqttSent, mqttSent / seconds);
        out.println("MLLP ACK latency, from when each message was due (coordinated omission corrected): "
                + LatencyStats.describe(ackLatency));
        out.println("alert latency, device socket → MQTT subscriber: " + LatencyStats.describe(alertLatency));
        out.printf("  of which due once every bed was running (after %d s of starts): %s%n", settings.staggerSeconds(),
                LatencyStats.describe(alertLatencyAtFullLoad));
        out.println("  the same from when the driver put the message on the wire (leaves out the driver's own lateness):");
        out.println("    MLLP beds: " + LatencyStats.describe(alertFromWireMllp));
        out.println("    MQTT beds: " + LatencyStats.describe(alertFromWireMqtt));
        out.println("driver: each message on the wire after it was due: " + LatencyStats.describe(sendLateness));
        if (gatewayMetrics != null) {
            JsonNode a = gatewayMetrics.path("alertLatency");
            out.printf("gateway input → alert published: n=%d p50 %s p99 %s p99.9 %s max %s%n", a.path("count").asLong(),
                    LatencyStats.ms(a.path("p50Ns").asLong()), LatencyStats.ms(a.path("p99Ns").asLong()),
                    LatencyStats.ms(a.path("p999Ns").asLong()), LatencyStats.ms(a.path("maxNs").asLong()));
            out.printf("gateway CPU (last second) %.2f cores; heap max seen %d MB of %d MB%n",
                    gatewayMetrics.path("cpuCores").asDouble(), gatewayMetrics.path("heapMaxSeenBytes").asLong() >> 20,
                    gatewayMetrics.path("heapLimitBytes").asLong() >> 20);
            if (gatewayMetrics.has("engineInputsOnEdgeThreads")) {
                out.printf("gateway engine: %d inputs run on the edge thread that published them%n",
                        gatewayMetrics.path("engineInputsOnEdgeThreads").asLong());
            }
        }
        verdicts().forEach(out::println);
        out.println(passed() ? "PASS" : "FAIL");
    }

    private static String check(boolean ok, String what) {
        return (ok ? "PASS " : "FAIL ") + what;
    }
}
