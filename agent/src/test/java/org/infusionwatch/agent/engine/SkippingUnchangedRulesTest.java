package org.infusionwatch.agent.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.infusionwatch.agent.engine.EngineInput.alarm;
import static org.infusionwatch.agent.engine.EngineInput.at;
import static org.infusionwatch.agent.engine.EngineInput.entry;
import static org.infusionwatch.agent.engine.EngineInput.monitor;
import static org.infusionwatch.agent.engine.EngineInput.studyComplete;
import static org.infusionwatch.agent.engine.EngineInput.studyStart;
import static org.infusionwatch.agent.engine.EngineInput.vasopressor;
import static org.infusionwatch.agent.engine.EngineInput.ventMode;
import static org.infusionwatch.agent.engine.EngineInput.ventilator;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.infusionwatch.agent.model.AgentNotice;
import org.infusionwatch.agent.model.Alert;
import org.infusionwatch.agent.model.BedRef;
import org.infusionwatch.agent.model.ClinicianEntry;
import org.infusionwatch.agent.model.DeviceReport;
import org.infusionwatch.agent.protocol.ProtocolProfile;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The engine skips a rule while nothing it reads has changed and no hold can have completed
 * (see {@link Rule}). That shortcut must never change an answer: this test plays the same random
 * wards (values wandering across every threshold, alarms, mode switches, vasopressor changes,
 * clinician entries, devices falling silent, late and out-of-order messages, ticks) into an engine
 * that skips and one that asks every rule after every input, and requires the same notices, in
 * the same order, with the same evidence.
 */
class SkippingUnchangedRulesTest {
    private static final String VT = "199832^MDC_EVT_ECG_V_TACHY^MDC";
    private static final String LEAD_OFF = "196876^MDC_EVT_LEAD_DISCONN^MDC";
    private static final String ECG = "147842";
    private static final String[] MODES = {"vent-mode-high-flow-o2", "vent-mode-simv", "vent-mode-insp-assist"};
    private static final ClinicianEntry.Type[] ENTRY_TYPES = {ClinicianEntry.Type.CARDIOVERSION,
        ClinicianEntry.Type.INTUBATION, ClinicianEntry.Type.TRANSFUSION_REACTION, ClinicianEntry.Type.CARDIAC_ARREST};

    @ParameterizedTest(name = "{0}, seed {1}")
    @CsvSource({"STROMA, 1", "STROMA, 2", "START, 3", "LANZONI, 4", "STROMA, 5", "LANZONI, 6"})
    void skippingGivesTheSameNoticesAsAskingEveryRuleEveryTime(String profileName, long seed) {
        ProtocolProfile profile = ProtocolProfile.builtIn(profileName);
        List<Input> ward = randomWard(new Random(seed), 8);
        Map<BedRef, String> enrolment = new HashMap<>();
        for (int b = 0; b < 8; b++) {
            enrolment.put(bed(b), "STROMA-%04d".formatted(b));
        }
        EngineConfig config = EngineConfig.defaults(profile, new Enrolment(enrolment));

        List<AgentNotice> skipping = play(new RuleEngine(config, true), ward);
        List<AgentNotice> askingAll = play(new RuleEngine(config, false), ward);

        assertThat(skipping).isEqualTo(askingAll);
        // The ward must exercise the rules, or the comparison says nothing.
        assertThat(askingAll.stream().filter(n -> n instanceof Alert).count()).isGreaterThanOrEqualTo(8);
    }

    private static List<AgentNotice> play(RuleEngine engine, List<Input> ward) {
        List<AgentNotice> out = new ArrayList<>();
        for (Input input : ward) {
            input.feed(engine, out);
        }
        return out;
    }

    /** Inputs of {@code beds} beds over four hours, in arrival order. */
    private static List<Input> randomWard(Random random, int beds) {
        List<Timed> timed = new ArrayList<>();
        for (int b = 0; b < beds; b++) {
            randomBed(random, bed(b), timed);
        }
        // Arrival: event time plus a delay, mostly small, now and then minutes (a backfill or a
        // delivery-start sent late), so some messages arrive out of order.
        for (Timed t : timed) {
            double delay = random.nextDouble() < 0.03 ? random.nextDouble() * 12 : random.nextDouble() * 0.05;
            t.arrival = t.minutes + delay;
        }
        timed.sort((a, b) -> Double.compare(a.arrival, b.arrival));
        List<Input> inputs = new ArrayList<>();
        double nextTick = 0;
        for (Timed t : timed) {
            while (nextTick <= t.arrival) {
                long tickMs = at(nextTick);
                inputs.add((engine, out) -> engine.onTick(tickMs, out));
                nextTick += 1 / 60.0 * (1 + random.nextInt(20));
            }
            inputs.add(t.input);
            if (random.nextDouble() < 0.01) {
                inputs.add(t.input); // a resent duplicate
            }
        }
        return inputs;
    }

    private static void randomBed(Random random, BedRef bed, List<Timed> out) {
        double fio2 = 40;
        double peep = 8;
        double spo2 = 94;
        double heartRate = 90;
        double map = 75;
        double noradRate = random.nextBoolean() ? 0 : 2;
        String mode = MODES[random.nextInt(MODES.length)];
        double onset = 60 + random.nextDouble() * 30;
        boolean monitorSilent = false;
        for (double m = 0; m < 240; m += 1 / 6.0) {
            double minute = m;
            if (random.nextDouble() < 0.004) {
                monitorSilent = !monitorSilent;
            }
            spo2 = wander(random, spo2, 80, 100, 1.5);
            heartRate = wander(random, heartRate, 35, 150, 4);
            map = wander(random, map, 50, 100, 2);
            if (!monitorSilent) {
                double s = spo2;
                double hr = heartRate;
                double p = map;
                out.add(new Timed(m, monitor(bed, minute, s, hr, p)));
            }
            if (random.nextDouble() < 0.02) {
                fio2 = Math.min(100, Math.max(21, fio2 + (random.nextBoolean() ? 10 : -5) * (1 + random.nextInt(3))));
                peep = Math.min(20, Math.max(0, peep + (random.nextBoolean() ? 3 : -2)));
            }
            if (random.nextDouble() < 0.003) {
                mode = MODES[random.nextInt(MODES.length)];
            }
            if (random.nextDouble() < 0.2) {
                double f = fio2;
                double p = peep;
                String md = mode;
                out.add(new Timed(m, ventilator(bed, minute, f, p)));
                out.add(new Timed(m, ventMode(bed, minute, md)));
            }
            if (random.nextDouble() < 0.01) {
                noradRate = Math.max(0, noradRate + (random.nextBoolean() ? 2.5 : -1.5));
            }
            if (random.nextDouble() < 0.1) {
                double rate = noradRate;
                out.add(new Timed(m, vasopressor(bed, minute, "SPUMP-" + bed.bed(), "Noradrenaline 8 mg/50 mL", 0.16, rate)));
            }
            if (random.nextDouble() < 0.002) {
                String code = random.nextBoolean() ? VT : LEAD_OFF;
                double end = m + random.nextDouble() * 2;
                out.add(new Timed(m, alarm(bed, minute, code, ECG, "start")));
                out.add(new Timed(end, alarm(bed, end, code, ECG, "end")));
            }
            if (random.nextDouble() < 0.0007) {
                ClinicianEntry.Type type = ENTRY_TYPES[random.nextInt(ENTRY_TYPES.length)];
                out.add(new Timed(m, entry(bed, minute, type, "charted")));
            }
        }
        out.add(new Timed(onset, studyStart(bed, onset)));
        double complete = onset + 20 + random.nextDouble() * 40;
        out.add(new Timed(complete, studyComplete(bed, complete)));
    }

    private static double wander(Random random, double value, double low, double high, double step) {
        return Math.min(high, Math.max(low, value + (random.nextDouble() - 0.5) * 2 * step));
    }

    private static BedRef bed(int index) {
        return new BedRef("ICU-R", "R%02d".formatted(index));
    }

    /** One input to play into an engine; the same input object is played into both engines. */
    private interface Input {
        void feed(RuleEngine engine, List<AgentNotice> out);
    }

    /** A report or entry built once, so both engines receive the very same objects (ids included). */
    private static final class Timed {
        final double minutes;
        final Input input;
        double arrival;

        Timed(double minutes, DeviceReport report) {
            this.minutes = minutes;
            this.input = (engine, out) -> engine.onReport(report, out);
        }

        Timed(double minutes, ClinicianEntry entry) {
            this.minutes = minutes;
            this.input = (engine, out) -> engine.onEntry(entry, out);
        }
    }
}
