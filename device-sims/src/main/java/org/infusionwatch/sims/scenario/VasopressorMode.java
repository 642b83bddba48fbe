package org.infusionwatch.sims.scenario;

import java.util.Objects;

import org.infusionwatch.sims.model.pump.SyringePump;

/**
 * Syringe pump {@code pump} switches delivery mode: a bolus or priming at a high rate, or back to
 * continuous delivery.
 *
 * @param pump          the bed's syringe pump number
 * @param mode          {@link SyringePump#BOLUS}, {@link SyringePump#PRIMING} or {@link SyringePump#CONTINUOUS}
 * @param rateMlPerHour the rate in that mode
 */
public record VasopressorMode(int pump, String mode, double rateMlPerHour) implements ScenarioAction {

    public VasopressorMode {
        Objects.requireNonNull(mode, "mode");
    }

    public static VasopressorMode bolus(int pump, double rateMlPerHour) {
        return new VasopressorMode(pump, SyringePump.BOLUS, rateMlPerHour);
    }

    public static VasopressorMode priming(int pump, double rateMlPerHour) {
        return new VasopressorMode(pump, SyringePump.PRIMING, rateMlPerHour);
    }

    public static VasopressorMode continuous(int pump, double rateMlPerHour) {
        return new VasopressorMode(pump, SyringePump.CONTINUOUS, rateMlPerHour);
    }

    @Override
    public String apply(BedDevices bed, long nowMs) {
        bed.syringePump(pump, nowMs).setMode(mode, rateMlPerHour, nowMs);
        return "syringe pump " + pump + " " + mode + " at " + Numbers.plain(rateMlPerHour) + " mL/h";
    }
}
