package org.infusionwatch.gateway.hl7.fast;

import org.infusionwatch.gateway.testing.Hl7Samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The fast decoder against the HAPI decoder, its oracle: every real sample, the simulators'
 * output for every scenario (device reports and charting-system entries), and a seeded fuzzed
 * corpus derived from them must get the same
 * answer (same report, or the same refusal) from both. Counts are printed to the test output.
 */
class FastPcdDecoderDifferentialTest {

    private static final int MUTANTS = 20_000;
    private static final long SEED = 20_261_122L;
    private static final long MINUTE_MS = 60_000L;
    private static final int MAX_REPORTED = 8;
    private static final int SIMULATOR_MESSAGES = 3_000;
    private static final int SIMULATOR_SEEDS = 300;

    @Test
    void shouldDecodeEverySampleAsHapiDoes() {
        List<byte[]> samples = samples();
        DecoderPair pair = new DecoderPair();
        List<Path> files = Hl7Samples.files(Hl7Samples.folder().orElseThrow());
        for (int i = 0; i < files.size(); i++) {
            pair.compare(files.get(i).getFileName().toString(), samples.get(i));
        }

        report("samples", pair);
        assertThat(pair.differences()).as(summary(pair)).isEmpty();
        assertThat(pair.compared()).isGreaterThanOrEqualTo(30);
    }

    @Test
    void shouldDecodeEverySimulatorMessageAsHapiDoesWithoutHapi() {
        DecoderPair pair = new DecoderPair();
        List<byte[]> messages = new ArrayList<>(SimulatorMessages.sample(MINUTE_MS, SIMULATOR_MESSAGES));
        messages.addAll(SimulatorMessages.sample(7 * MINUTE_MS + 1_234, SIMULATOR_MESSAGES));
        for (int i = 0; i < messages.size(); i++) {
            pair.compare("sims #" + i, messages.get(i));
        }

        report("simulators", pair);
        assertThat(pair.differences()).as(summary(pair)).isEmpty();
        assertThat(pair.compared()).isGreaterThan(500);
        assertThat(pair.scanned()).as("simulator messages left to HAPI: %s", pair.fast().delegatedByReason())
                .isEqualTo(pair.compared());
    }

    @Test
    void shouldHandClinicianEntriesToHapiAndGiveItsAnswer() {
        DecoderPair pair = new DecoderPair();
        List<byte[]> entries = SimulatorMessages.entries(MINUTE_MS);
        for (int i = 0; i < entries.size(); i++) {
            pair.compare("entry #" + i, entries.get(i));
        }

        report("entries", pair);
        assertThat(pair.differences()).as(summary(pair)).isEmpty();
        assertThat(pair.compared()).isGreaterThanOrEqualTo(10);
        assertThat(pair.fast().delegatedByReason()).containsOnlyKeys("CLINICIAN_ENTRY");
    }

    @Test
    void shouldAnswerFuzzedMessagesAsHapiDoes() {
        List<byte[]> seeds = new ArrayList<>(samples());
        seeds.addAll(SimulatorMessages.sample(MINUTE_MS, SIMULATOR_SEEDS));
        // Mutated entries must be answered alike too: a mutant that no longer names IW_ENTRY is
        // read as a device report by both, one that does is refused or read by HAPI on both paths.
        seeds.addAll(SimulatorMessages.entries(MINUTE_MS));
        Hl7Mutator mutator = new Hl7Mutator(SEED);
        DecoderPair pair = new DecoderPair();
        for (int i = 0; i < MUTANTS; i++) {
            pair.compare("mutant #" + i, mutator.mutate(seeds.get(i % seeds.size())));
        }

        report("fuzz", pair);
        assertThat(pair.differences()).as(summary(pair)).isEmpty();
        // The fuzzed corpus must exercise the scanner, not only the way to HAPI.
        assertThat(pair.scanned()).isGreaterThan(MUTANTS / 5);
    }

    private static List<byte[]> samples() {
        Optional<Path> folder = Hl7Samples.folder();
        assumeTrue(folder.isPresent(), "shared hl7-samples folder not found");
        return Hl7Samples.files(folder.get()).stream().map(Hl7Samples::read).toList();
    }

    private static void report(String corpus, DecoderPair pair) {
        System.out.printf("%s: %d messages, %d scanned, %d delegated to HAPI %s, %d differences%n", corpus,
                pair.compared(), pair.scanned(), pair.compared() - pair.scanned(), pair.fast().delegatedByReason(),
                pair.differences().size());
    }

    private static String summary(DecoderPair pair) {
        List<String> differences = pair.differences();
        return differences.size() + " of " + pair.compared() + " messages differ; first ones:\n"
                + String.join("\n", differences.subList(0, Math.min(MAX_REPORTED, differences.size())));
    }
}
