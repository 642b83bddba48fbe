package org.infusionwatch.gateway.mqtt;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.infusionwatch.sims.model.ClinicianEntry;
import org.infusionwatch.sims.model.DeviceSample;
import org.infusionwatch.sims.scenario.BedOutput;
import org.infusionwatch.sims.scenario.BedSimulation;
import org.infusionwatch.sims.scenario.Scenario;
import org.infusionwatch.sims.scenario.Scenarios;
import org.infusionwatch.sims.wire.JsonMessages;
import org.infusionwatch.sims.wire.MqttTopics;

/**
 * What devices on MQTT send: every scenario of the library played at its own bed, each report
 * written by the simulators' own {@link JsonMessages} on its {@link MqttTopics} topic.
 * Deterministic (fixed start, seeds).
 */
final class SimulatorObservationPayloads {
    private static final long START_MS = Instant.parse("2026-11-22T08:00:00Z").toEpochMilli();
    private static final String UNIT = "ICU-A";

    /** One payload and the topic it is published on. */
    record Message(String topic, byte[] payload) {
    }

    private SimulatorObservationPayloads() {
    }

    /** About {@code limit} messages spread evenly over every scenario, with every pump event among them. */
    static List<Message> sample(long reportPeriodMs, int limit) {
        List<Message> all = all(reportPeriodMs);
        int stride = Math.max(1, all.size() / limit);
        List<Message> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            if (i % stride == 0 || isPumpEvent(all.get(i))) {
                out.add(all.get(i));
            }
        }
        return out;
    }

    private static boolean isPumpEvent(Message message) {
        return new String(message.payload(), StandardCharsets.UTF_8).contains("\"event\"");
    }

    /** Every report of every scenario, in the order the beds produced them. */
    static List<Message> all(long reportPeriodMs) {
        List<Message> out = new ArrayList<>();
        List<String> names = Scenarios.names();
        for (int i = 0; i < names.size(); i++) {
            Scenario scenario = Scenarios.named(names.get(i));
            int bedNumber = i + 1;
            String bed = String.format("BED%02d", bedNumber);
            new BedSimulation(bed, scenario, START_MS, reportPeriodMs, bedNumber)
                    .advanceTo(START_MS + scenario.lengthMs() + reportPeriodMs, new Writer(bed, out));
        }
        return out;
    }

    /** Writes each report as the simulators' MQTT publisher does. */
    private static final class Writer implements BedOutput {
        private final String bed;
        private final List<Message> out;
        private final JsonMessages json = new JsonMessages();

        Writer(String bed, List<Message> out) {
            this.bed = bed;
            this.out = out;
        }

        @Override
        public void onStep(long simTimeMs, String description) {
            // Steps change the devices; only their reports are messages.
        }

        @Override
        public void onSample(DeviceSample sample) {
            out.add(new Message(MqttTopics.observations(UNIT, bed, sample.deviceId()), json.observations(sample)));
        }

        @Override
        public void onEntry(ClinicianEntry entry) {
            // Entries have their own topic and decoder.
        }
    }
}
