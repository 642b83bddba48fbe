package org.infusionwatch.gateway.hl7.fast;

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
import org.infusionwatch.sims.wire.DeviceAddress;
import org.infusionwatch.sims.wire.Hl7EntryWriter;
import org.infusionwatch.sims.wire.Pcd01Writer;
import org.infusionwatch.sims.wire.Pcd10Writer;

/**
 * What the device simulators send: every scenario of the library played at its own bed, each
 * report written by the simulators' own PCD-01/PCD-10 writers, and the clinician entries as their
 * charting system writes them. Deterministic (fixed start, seeds).
 */
final class SimulatorMessages {

    private static final long START_MS = Instant.parse("2026-11-22T08:00:00Z").toEpochMilli();
    private static final String UNIT = "ICU-A";

    private SimulatorMessages() {
    }

    /**
     * About {@code limit} messages spread over every scenario: all pump events (PCD-10, rare) and
     * an even sample of the periodic reports.
     */
    static List<byte[]> sample(long reportPeriodMs, int limit) {
        List<byte[]> all = all(reportPeriodMs);
        int stride = Math.max(1, all.size() / limit);
        List<byte[]> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            if (i % stride == 0 || isPumpEvent(all.get(i))) {
                out.add(all.get(i));
            }
        }
        return out;
    }

    private static boolean isPumpEvent(byte[] message) {
        return new String(message, 0, Math.min(message.length, 300), StandardCharsets.ISO_8859_1).contains("|ORU^R42");
    }

    /**
     * @param reportPeriodMs sim time between periodic reports of each device
     * @return the messages in the order the beds produced them, UTF-8, segments ending with CR
     */
    static List<byte[]> all(long reportPeriodMs) {
        List<byte[]> messages = new ArrayList<>();
        play(reportPeriodMs, messages, new ArrayList<>());
        return messages;
    }

    /** Every scenario's clinician entries as the simulated charting system writes them (HL7 ORU^R01). */
    static List<byte[]> entries(long reportPeriodMs) {
        List<byte[]> entries = new ArrayList<>();
        play(reportPeriodMs, new ArrayList<>(), entries);
        return entries;
    }

    private static void play(long reportPeriodMs, List<byte[]> messages, List<byte[]> entries) {
        List<String> names = Scenarios.names();
        for (int i = 0; i < names.size(); i++) {
            Scenario scenario = Scenarios.named(names.get(i));
            int bedNumber = i + 1;
            String bed = String.format("BED%02d", bedNumber);
            BedSimulation simulation = new BedSimulation(bed, scenario, START_MS, reportPeriodMs, bedNumber);
            simulation.advanceTo(START_MS + scenario.lengthMs() + reportPeriodMs,
                    new Writer(bed, bedNumber, messages, entries));
        }
    }

    /** Writes each report as the simulators' HL7 sink does. */
    private static final class Writer implements BedOutput {
        private final String bed;
        private final int bedNumber;
        private final List<byte[]> out;
        private final List<byte[]> entries;
        private final Pcd01Writer pcd01 = new Pcd01Writer();
        private final Pcd10Writer pcd10 = new Pcd10Writer();
        private final Hl7EntryWriter entryWriter = new Hl7EntryWriter();

        Writer(String bed, int bedNumber, List<byte[]> out, List<byte[]> entries) {
            this.bed = bed;
            this.bedNumber = bedNumber;
            this.out = out;
            this.entries = entries;
        }

        @Override
        public void onStep(long simTimeMs, String description) {
            // Steps change the devices; only their reports are messages.
        }

        @Override
        public void onSample(DeviceSample sample) {
            DeviceAddress device = DeviceAddress.of(UNIT, bed, bedNumber, sample.kind());
            String message = sample.event().isPresent() ? pcd10.write(device, sample) : pcd01.write(device, sample);
            out.add(message.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public void onEntry(ClinicianEntry entry) {
            entries.add(entryWriter.write(UNIT, bed, entry).getBytes(StandardCharsets.UTF_8));
        }
    }
}
