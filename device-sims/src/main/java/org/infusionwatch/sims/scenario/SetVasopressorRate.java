package org.infusionwatch.sims.scenario;

/**
 * The rate of syringe pump {@code pump} is changed (titration).
 *
 * @param pump          the bed's syringe pump number
 * @param rateMlPerHour the new rate
 */
public record SetVasopressorRate(int pump, double rateMlPerHour) implements ScenarioAction {

    @Override
    public String apply(BedDevices bed, long nowMs) {
        bed.syringePump(pump, nowMs).setRate(rateMlPerHour, nowMs);
        return "syringe pump " + pump + " rate " + Numbers.plain(rateMlPerHour) + " mL/h";
    }
}
