package org.infusionwatch.sims.scenario;

import java.util.Objects;

import org.infusionwatch.sims.model.monitor.Vitals;
import org.infusionwatch.sims.model.vent.VentSettings;

/**
 * How a bed looks when its scenario starts.
 *
 * @param vent            ventilator settings
 * @param respRatePerMin  measured respiratory rate
 * @param vitals          the patient's vital signs
 * @param weightKg        patient weight programmed on the pump
 */
public record BedBaseline(VentSettings vent, double respRatePerMin, Vitals vitals, double weightKg) {

    /** FiO2 0.40, PEEP 8 cmH2O, assisted mode, 22/min; SpO2 94 %, HR 90/min, MAP 75 mmHg; 80 kg. */
    public static final BedBaseline DEFAULT = new BedBaseline(
            new VentSettings(0.40, 8, "vent-mode-insp-assist"), 22, new Vitals(94, 90, 75), 80);

    public BedBaseline {
        Objects.requireNonNull(vent, "vent");
        Objects.requireNonNull(vitals, "vitals");
    }
}
