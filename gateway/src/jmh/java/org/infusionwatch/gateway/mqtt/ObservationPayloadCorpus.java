package org.infusionwatch.gateway.mqtt;

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
 * The payloads the JSON decode benchmark runs on: every scenario at its own bed, one report a
 * minute per device, written by the simulators' MQTT writer ({@link JsonMessages}) on its topic,
 * about 2,000 of them taken evenly.
 */
final class ObservationPayloadCorpus {
    private static final long START_MS = Instant.parse("2026-11-22T08:00:00Z").toEpochMilli();
    private static final long REPORT_PERIOD_MS = 60_000L;
    private static final int MESSAGES = 2_000;
    private static final String UNIT = "ICU-A";

    /** One payload and its topic. */
    record Message(String topic, byte[] payload) {
    }

    private ObservationPayloadCorpus() {
    }

    static List<Message> simulators() {
        List<Message> all = new ArrayList<>();
        List<String> names = Scenarios.names();
        for (int i = 0; i < names.size(); i++) {
            Scenario scenario = Scenarios.named(names.get(i));
            int bedNumber = i + 1;
            String bed = String.format("BED%02d", bedNumber);
            new BedSimulation(bed, scenario, START_MS, REPORT_PERIOD_MS, bedNumber)
                    .advanceTo(START_MS + scenario.lengthMs(), new Writer(bed, all));
        }
        int stride = Math.max(1, all.size() / MESSAGES);
        List<Message> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i += stride) {
            out.add(all.get(i));
        }
        return out;
    }

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
            // Only device reports are messages.
        }

        @Override
        public void onSample(DeviceSample sample) {
            out.add(new Message(MqttTopics.observations(UNIT, bed, sample.deviceId()), json.observations(sample)));
        }

        @Override
        public void onEntry(ClinicianEntry entry) {
            // Entries have their own decoder.
        }
    }
}
