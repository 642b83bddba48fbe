package org.infusionwatch.sims.scenario;

import java.util.Objects;

/**
 * A nurse starts a vasopressor on syringe pump {@code pump} of the bed (its device id is
 * {@code PUMP-BED01-S1} for pump 1).
 *
 * @param pump          the bed's syringe pump number, from 1
 * @param drugLabel     the label programmed on the pump, e.g. {@code Noradrenaline 8 mg/50 mL}
 * @param mgPerMl       the drug concentration, mg/mL
 * @param rateMlPerHour the rate
 */
public record StartVasopressor(int pump, String drugLabel, double mgPerMl, double rateMlPerHour) implements ScenarioAction {

    public StartVasopressor {
        Objects.requireNonNull(drugLabel, "drugLabel");
    }

    @Override
    public String apply(BedDevices bed, long nowMs) {
        bed.syringePump(pump, nowMs).start(drugLabel, mgPerMl, rateMlPerHour, nowMs);
        String concentration = Double.isNaN(mgPerMl) ? "" : " " + Numbers.plain(mgPerMl) + " mg/mL";
        return "syringe pump " + pump + " started: " + drugLabel + concentration + " at " + Numbers.plain(rateMlPerHour)
                + " mL/h";
    }
}
