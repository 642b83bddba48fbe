package org.infusionwatch.sims.scenario;

import java.util.Objects;

/**
 * A nurse starts the bed's pump.
 *
 * @param purpose        what the infusion is, for people, e.g. {@code study infusion}
 * @param drugLabel      the label programmed on the pump
 * @param rateMlPerHour  the programmed rate
 */
public record StartInfusion(String purpose, String drugLabel, double rateMlPerHour) implements ScenarioAction {

    public StartInfusion {
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(drugLabel, "drugLabel");
    }

    @Override
    public String apply(BedDevices bed, long nowMs) {
        bed.pump().start(drugLabel, rateMlPerHour, nowMs);
        return purpose + " started (" + drugLabel + ", " + Numbers.plain(rateMlPerHour) + " mL/h)";
    }
}
