package org.infusionwatch.gateway.hl7.fast;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.infusionwatch.sims.model.ClinicianEntry;
import org.infusionwatch.sims.model.DeviceSample;
import org.infusionwatch.sims.scenario.BedOutput;
import org.infusionwatch.sims.scenario.BedSimulation;
import org.infusionwatch.sims.scenario.Scenario;
import org.infusionwatch.sims.scenario.Scenarios;
import org.infusionwatch.sims.wire.DeviceAddress;
import org.infusionwatch.sims.wire.Pcd01Writer;
import org.infusionwatch.sims.wire.Pcd10Writer;

/**
 * The messages the parse benchmarks run on: what the simulators send ({@code sims}: every scenario
 * at its own bed, one report a minute per device, written by the simulators' PCD-01/PCD-10
 * writers, about 2,000 of them taken evenly) or the real IHE PCD messages of the shared samples folder ({@code samples}), read in
 * place from {@code infusionwatch.shared}/hl7-samples or ../shared/hl7-samples.
 */
final class PcdCorpus {

    private static final long START_MS = Instant.parse("2026-11-22T08:00:00Z").toEpochMilli();
    private static final long REPORT_PERIOD_MS = 60_000L;
    private static final int SIMULATOR_MESSAGES = 2_000;

    private PcdCorpus() {
    }

    static List<byte[]> named(String name) {
        return switch (name) {
            case "sims" -> simulators();
            case "samples" -> samples();
            default -> throw new IllegalArgumentException("corpus: " + name + " (expected: sims or samples)");
        };
    }

    /** About {@link #SIMULATOR_MESSAGES} reports spread evenly over every scenario of the library. */
    static List<byte[]> simulators() {
        List<byte[]> all = allSimulatorMessages();
        int stride = Math.max(1, all.size() / SIMULATOR_MESSAGES);
        List<byte[]> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i += stride) {
            out.add(all.get(i));
        }
        return out;
    }

    private static List<byte[]> allSimulatorMessages() {
        List<byte[]> out = new ArrayList<>();
        List<String> names = Scenarios.names();
        for (int i = 0; i < names.size(); i++) {
            Scenario scenario = Scenarios.named(names.get(i));
            int bedNumber = i + 1;
            String bed = String.format("BED%02d", bedNumber);
            new BedSimulation(bed, scenario, START_MS, REPORT_PERIOD_MS, bedNumber)
                    .advanceTo(START_MS + scenario.lengthMs(), new Writer(bed, bedNumber, out));
        }
        return out;
    }

    /** The sample messages of the PCD transactions the gateway reads (ORU^R01, ^R40, ^R42). */
    static List<byte[]> samples() {
        Path folder = Stream.of(System.getProperty("infusionwatch.shared"), "../shared", "../../shared", "shared")
                .filter(p -> p != null)
                .map(p -> Paths.get(p, "hl7-samples"))
                .filter(Files::isDirectory)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(
                        "hl7-samples not found: run from the project folder or set -Dinfusionwatch.shared"));
        try (Stream<Path> files = Files.list(folder)) {
            List<byte[]> out = new ArrayList<>();
            for (Path file : files.filter(p -> p.toString().endsWith(".hl7")).sorted().toList()) {
                byte[] message = Files.readAllBytes(file);
                String head = new String(message, 0, Math.min(message.length, 200), StandardCharsets.ISO_8859_1);
                if (head.contains("|ORU^R01") || head.contains("|ORU^R40") || head.contains("|ORU^R42")) {
                    out.add(message);
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class Writer implements BedOutput {
        private final String bed;
        private final int bedNumber;
        private final List<byte[]> out;
        private final Pcd01Writer pcd01 = new Pcd01Writer();
        private final Pcd10Writer pcd10 = new Pcd10Writer();

        Writer(String bed, int bedNumber, List<byte[]> out) {
            this.bed = bed;
            this.bedNumber = bedNumber;
            this.out = out;
        }

        @Override
        public void onStep(long simTimeMs, String description) {
            // Only device reports are messages.
        }

        @Override
        public void onSample(DeviceSample sample) {
            DeviceAddress device = DeviceAddress.of("ICU-A", bed, bedNumber, sample.kind());
            String text = sample.event().isPresent() ? pcd10.write(device, sample) : pcd01.write(device, sample);
            out.add(text.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public void onEntry(ClinicianEntry entry) {
            // Chart entries travel over MQTT.
        }
    }
}
