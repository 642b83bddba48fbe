package org.infusionwatch.sims.scenario;

import java.util.Objects;

/**
 * The bed's pump finishes its delivery.
 *
 * @param purpose what the infusion is, for people, e.g. {@code study infusion}
 */
public record CompleteInfusion(String purpose) implements ScenarioAction {

    public CompleteInfusion {
        Objects.requireNonNull(purpose, "purpose");
    }

    @Override
    public String apply(BedDevices bed, long nowMs) {
        bed.pump().complete(nowMs);
        return purpose + " complete";
    }
}
