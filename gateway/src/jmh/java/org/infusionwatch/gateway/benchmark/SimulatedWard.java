package org.infusionwatch.gateway.benchmark;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.infusionwatch.agent.model.BedRef;
import org.infusionwatch.agent.model.DeviceReport;
import org.infusionwatch.gateway.hl7.fast.FastPcdDecoder;
import org.infusionwatch.sims.scenario.BedSimulation;
import org.infusionwatch.sims.scenario.Scenario;

/**
 * The benchmarks' beds: each plays a scenario on the simulators' models and is enrolled in the
 * study under a pseudonym of its own; its devices' messages are written as HL7 and read back by
 * the gateway's fast decoder (see {@link Hl7Decoding}), one step of event time at a time.
 */
final class SimulatedWard {
    private final String unit;
    private final FastPcdDecoder decoder = new FastPcdDecoder(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC), "INFUSIONWATCH");
    private final Map<BedRef, String> enrolment = new HashMap<>();
    private final List<BedSimulation> sims = new ArrayList<>();

    /**
     * @param bedPrefix beds are named the prefix and a three-digit number
     * @param scenario  the scenario of the bed with each number
     * @param seed      the first bed's seed; the next beds' follow it
     */
    SimulatedWard(String unit, String bedPrefix, int beds, IntFunction<Scenario> scenario, long startMs,
                  long reportPeriodMs, long seed) {
        this.unit = unit;
        for (int i = 0; i < beds; i++) {
            String bed = bedPrefix + "%03d".formatted(i);
            enrolment.put(new BedRef(unit, bed), "BENCH-%04d".formatted(i));
            sims.add(new BedSimulation(bed, scenario.apply(i), startMs, reportPeriodMs, seed + i));
        }
    }

    /** Pseudonym by bed, for the engine's enrolment. */
    Map<BedRef, String> enrolment() {
        return enrolment;
    }

    /** What every bed's devices report up to {@code timeMs}, as decoded reports in arrival order. */
    List<DeviceReport> advanceTo(long timeMs) {
        List<DeviceReport> reports = new ArrayList<>();
        for (BedSimulation sim : sims) {
            sim.advanceTo(timeMs, new Hl7Decoding(unit, sim.bed(), decoder, reports));
        }
        return reports;
    }
}
