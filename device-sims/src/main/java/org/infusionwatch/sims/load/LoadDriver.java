package org.infusionwatch.sims.load;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;
import org.infusionwatch.sims.model.ClinicianEntry;
import org.infusionwatch.sims.model.DeviceSample;
import org.infusionwatch.sims.scenario.BedOutput;
import org.infusionwatch.sims.scenario.BedSimulation;
import org.infusionwatch.sims.scenario.Scenarios;
import org.infusionwatch.sims.wire.DeviceAddress;
import org.infusionwatch.sims.wire.JsonMessages;
import org.infusionwatch.sims.wire.MqttTopics;
import org.infusionwatch.sims.wire.Pcd01Writer;
import org.infusionwatch.sims.wire.Pcd10Writer;

/**
 * Drives a running gateway with many beds over MLLP and MQTT for a fixed time and measures it
 * from outside. One driver thread renders and sends every report when it falls due; ACKs,
 * alerts and the gateway's metrics are read on other threads.
 */
public final class LoadDriver {
    /** Event time from a load bed's start to the report that raises its alert. */
    public static final Duration ALERT_AT = Scenarios.ONSET.plusMinutes(135);

    private final LoadSettings settings;
    private final PrintStream console;
    private final Pcd01Writer pcd01 = new Pcd01Writer();
    private final Pcd10Writer pcd10 = new Pcd10Writer();
    private final JsonMessages json = new JsonMessages();

    public LoadDriver(LoadSettings settings, PrintStream console) {
        this.settings = settings;
        this.console = console;
    }

    public LoadResult run() throws Exception {
        long eventMsPerSecond = settings.eventMinutesPerSecond() * 60_000L;
        long baseMs = Instant.now().truncatedTo(ChronoUnit.MINUTES).toEpochMilli();
        List<LoadBed> beds = beds(baseMs, eventMsPerSecond);
        Map<String, LoadBed> byName = new HashMap<>();
        beds.forEach(b -> byName.put(b.name, b));
        LatencyStats ackLatency = new LatencyStats();
        LatencyStats sendLateness = new LatencyStats();
        AlertLatencies alertLatencies = new AlertLatencies(settings.staggerSeconds() * 1_000_000_000L);
        long[] runStart = {0};
        List<MllpPipe> pipes = new ArrayList<>();
        List<MqttLoadPublisher> publishers = new ArrayList<>();
        try (GatewayWatcher watcher = new GatewayWatcher(settings.mqttUri(), settings.gatewayName(), alertLatencies,
                byName, () -> runStart[0], Scenarios.HYPOXEMIA_WORSENING)) {
            double idleCpu = measureIdle(watcher);
            if (settings.mllpBeds() > 0) {
                for (int i = 0; i < settings.connections(); i++) {
                    pipes.add(new MllpPipe(settings.mllpHost(), settings.mllpPort(), ackLatency, i));
                }
            }
            for (int i = 0; settings.mqttBeds() > 0 && i < 8; i++) {
                publishers.add(new MqttLoadPublisher(settings.mqttUri(), i));
            }
            console.printf("load: %d MLLP beds on %d connections, %d MQTT beds, 3 devices each, 1 report/s per device, %d s%n",
                    settings.mllpBeds(), pipes.size(), settings.mqttBeds(), settings.durationSeconds());
            long mqttTakenBefore = watcher.mqttTakenByGateway();
            runStart[0] = System.nanoTime();
            long offered = drive(beds, pipes, publishers, runStart[0], sendLateness);
            int expectedAlerts = expectedAlerts(beds);
            awaitQuiet(pipes, watcher, expectedAlerts, mqttTakenBefore,
                    () -> publishers.stream().mapToLong(p -> p.confirmed.get()).sum());
            long mqttTakenAfter = watcher.mqttTakenByGateway();
            long mqttTaken = mqttTakenBefore < 0 || mqttTakenAfter < 0 ? -1 : mqttTakenAfter - mqttTakenBefore;
            JsonNode metrics = watcher.metrics();
            long mllpSent = pipes.stream().mapToLong(p -> p.sent.get()).sum();
            long mllpAccepted = pipes.stream().mapToLong(p -> p.accepted.get()).sum();
            long mllpRefused = pipes.stream().mapToLong(p -> p.refused.get()).sum();
            long mqttSent = publishers.stream().mapToLong(p -> p.sent.get()).sum();
            long mqttConfirmed = publishers.stream().mapToLong(p -> p.confirmed.get()).sum();
            long mqttFailed = publishers.stream().mapToLong(p -> p.failed.get()).sum();
            return new LoadResult(settings, offered, mllpSent, mllpAccepted, mllpRefused, mqttSent, mqttConfirmed,
                    mqttFailed, mqttTaken, ackLatency.histogram(), alertLatencies.fromDue().histogram(),
                    alertLatencies.fromDueAtFullLoad().histogram(),
                    alertLatencies.fromWireMllp().histogram(), alertLatencies.fromWireMqtt().histogram(),
                    sendLateness.histogram(),
                    expectedAlerts, watcher.alertedBeds(), watcher.unexpectedAlerts(),
                    metrics, idleCpu);
        } finally {
            for (MllpPipe p : pipes) {
                p.close();
            }
            for (MqttLoadPublisher p : publishers) {
                p.close();
            }
        }
    }

    private List<LoadBed> beds(long baseMs, long eventMsPerSecond) {
        List<LoadBed> beds = new ArrayList<>();
        int total = settings.mllpBeds() + settings.mqttBeds();
        BedPhases phases = new BedPhases(Math.max(1, total), settings.staggerSeconds() * 1_000_000_000L, 1_000_000_000L);
        for (int i = 0; i < total; i++) {
            boolean mqtt = i >= settings.mllpBeds();
            String name = (mqtt ? "Q" : "L") + "%04d".formatted(mqtt ? i - settings.mllpBeds() + 1 : i + 1);
            long stagger = phases.startNanos(i);
            BedSimulation sim = new BedSimulation(name, Scenarios.hypoxemiaOnNoradrenaline(), baseMs, settings.reportPeriodMs(), i + 1);
            beds.add(new LoadBed(name, i + 1, mqtt, sim, stagger, baseMs, eventMsPerSecond));
        }
        return beds;
    }

    /**
     * Sends every bed's reports when they fall due: the beds wait in a queue ordered by when they
     * next have something to send, and the driver sleeps until the first of them. Each message's
     * wire time is taken just before its socket write (the MLLP pipe's flush, the MQTT publish),
     * so a gateway that stops reading, and blocks the write, is still counted against itself.
     */
    private long drive(List<LoadBed> beds, List<MllpPipe> pipes, List<MqttLoadPublisher> publishers, long start,
                       LatencyStats lateness) throws IOException {
        long end = start + settings.durationSeconds() * 1_000_000_000L;
        PriorityQueue<LoadBed> queue = new PriorityQueue<>(Comparator.comparingLong((LoadBed b) -> b.nextDueNanos));
        for (LoadBed bed : beds) {
            bed.nextDueNanos = start + bed.dueElapsedNanos(bed.simulation.nextEventMs());
            queue.add(bed);
        }
        Sender sender = new Sender(pipes, publishers, start, lateness);
        while (true) {
            long now = System.nanoTime();
            if (now >= end) {
                return sender.offered;
            }
            while (!queue.isEmpty() && queue.peek().nextDueNanos <= now) {
                LoadBed bed = queue.poll();
                long dueEventMs = bed.simulation.nextEventMs();
                sender.bed = bed;
                // At least up to the event it was woken for, whatever the rounding of the clocks.
                bed.simulation.advanceTo(Math.max(dueEventMs, bed.eventTimeAt(now - start)), sender);
                // Each bed's messages go out at once, not behind the rendering of the other beds due.
                sender.flush();
                bed.nextDueNanos = start + bed.dueElapsedNanos(bed.simulation.nextEventMs());
                queue.add(bed);
            }
            long next = queue.isEmpty() ? end : Math.min(end, queue.peek().nextDueNanos);
            LockSupport.parkNanos(next - System.nanoTime());
        }
    }

    /** Renders each sample of the bed being advanced and hands it to its transport. */
    private final class Sender implements BedOutput {
        private final List<MllpPipe> pipes;
        private final List<MqttLoadPublisher> publishers;
        private final long start;
        private final LatencyStats lateness;
        /** Pipes written to since the last flush, and what went into each (bed, event time). */
        private final List<List<LoadBed>> pendingBeds = new ArrayList<>();
        private final List<List<Long>> pendingEventMs = new ArrayList<>();
        private int nextPublisher;
        long offered;
        LoadBed bed;

        Sender(List<MllpPipe> pipes, List<MqttLoadPublisher> publishers, long start, LatencyStats lateness) {
            this.pipes = pipes;
            this.publishers = publishers;
            this.start = start;
            this.lateness = lateness;
            for (int i = 0; i < pipes.size(); i++) {
                pendingBeds.add(new ArrayList<>());
                pendingEventMs.add(new ArrayList<>());
            }
        }

        @Override
        public void onStep(long simTimeMs, String description) {
        }

        @Override
        public void onSample(DeviceSample sample) {
            offered++;
            if (bed.overMqtt) {
                MqttLoadPublisher p = publishers.get(nextPublisher++ % publishers.size());
                String topic = MqttTopics.observations(LoadSettings.UNIT, bed.name, sample.deviceId());
                byte[] payload = json.observations(sample);
                long wire = System.nanoTime();
                bed.written(sample.timeMs(), wire);
                lateness.record(wire - (start + bed.dueElapsedNanos(sample.timeMs())));
                p.publish(topic, payload);
                return;
            }
            DeviceAddress address = bed.address(LoadSettings.UNIT, sample.kind());
            String message = sample.event().isPresent() ? pcd10.write(address, sample) : pcd01.write(address, sample);
            int pipe = Math.floorMod(sample.deviceId().hashCode(), pipes.size());
            try {
                pipes.get(pipe).send(message, start + bed.dueElapsedNanos(sample.timeMs()));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException("gateway connection lost", e);
            }
            pendingBeds.get(pipe).add(bed);
            pendingEventMs.get(pipe).add(sample.timeMs());
        }

        @Override
        public void onEntry(ClinicianEntry entry) {
        }

        /** Puts what was written to each pipe on the wire, noting the time just before the write. */
        void flush() throws IOException {
            for (int i = 0; i < pipes.size(); i++) {
                List<LoadBed> written = pendingBeds.get(i);
                if (written.isEmpty()) {
                    continue;
                }
                List<Long> eventMs = pendingEventMs.get(i);
                long wire = System.nanoTime();
                for (int j = 0; j < written.size(); j++) {
                    LoadBed bed = written.get(j);
                    bed.written(eventMs.get(j), wire);
                    lateness.record(wire - (start + bed.dueElapsedNanos(eventMs.get(j))));
                }
                pipes.get(i).flush();
                written.clear();
                eventMs.clear();
            }
        }
    }

    private int expectedAlerts(List<LoadBed> beds) {
        long runNanos = settings.durationSeconds() * 1_000_000_000L;
        int expected = 0;
        for (LoadBed bed : beds) {
            long due = bed.dueElapsedNanos(bed.simulation.startMs() + ALERT_AT.toMillis());
            if (due < runNanos - 1_000_000_000L) {
                expected++;
            }
        }
        return expected;
    }

    private double measureIdle(GatewayWatcher watcher) {
        if (settings.idleSeconds() <= 0) {
            return Double.NaN;
        }
        double sum = 0;
        int samples = 0;
        JsonNode previous = null;
        long until = System.nanoTime() + settings.idleSeconds() * 1_000_000_000L;
        while (System.nanoTime() < until) {
            LockSupport.parkNanos(200_000_000L);
            JsonNode m = watcher.metrics();
            if (m != null && m != previous) {
                sum += m.path("cpuShareOfMachine").asDouble();
                samples++;
                previous = m;
            }
        }
        return samples == 0 ? Double.NaN : sum / samples;
    }

    /**
     * Waits (at most 15 s) until every MLLP message is acknowledged, every expected alert seen and
     * the gateway's metrics count every MQTT message the broker confirmed, then 1.5 s more for
     * stragglers.
     */
    private static void awaitQuiet(List<MllpPipe> pipes, GatewayWatcher watcher, int expectedAlerts,
                                   long mqttTakenBefore, LongSupplier mqttConfirmed) {
        long until = System.nanoTime() + 15_000_000_000L;
        while (System.nanoTime() < until) {
            boolean acked = pipes.stream().allMatch(p -> p.outstanding() == 0);
            long taken = watcher.mqttTakenByGateway();
            boolean mqttTaken = taken < 0 || mqttTakenBefore < 0 || taken - mqttTakenBefore >= mqttConfirmed.getAsLong();
            if (acked && mqttTaken && watcher.alertedBeds() >= expectedAlerts) {
                break;
            }
            LockSupport.parkNanos(50_000_000L);
        }
        LockSupport.parkNanos(1_500_000_000L);
    }
}
