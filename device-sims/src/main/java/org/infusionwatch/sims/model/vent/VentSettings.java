package org.infusionwatch.sims.model.vent;

import java.util.Objects;

/**
 * What a clinician has set on the ventilator.
 *
 * @param fio2      inspired oxygen fraction, 0.21–1.0
 * @param peepCmH2O positive end-expiratory pressure, cmH2O
 * @param mode      ventilation mode as its MDC enumeration text, e.g. {@code vent-mode-insp-assist}
 */
public record VentSettings(double fio2, double peepCmH2O, String mode) {

    public VentSettings {
        if (fio2 < 0.21 || fio2 > 1.0) {
            throw new IllegalArgumentException("fio2: " + fio2 + " (expected: 0.21..1.0)");
        }
        if (peepCmH2O < 0 || peepCmH2O > 40) {
            throw new IllegalArgumentException("peepCmH2O: " + peepCmH2O + " (expected: 0..40)");
        }
        Objects.requireNonNull(mode, "mode");
    }

    public VentSettings withFio2(double newFio2) {
        return new VentSettings(newFio2, peepCmH2O, mode);
    }

    public VentSettings withPeep(double newPeepCmH2O) {
        return new VentSettings(fio2, newPeepCmH2O, mode);
    }

    public VentSettings withMode(String newMode) {
        return new VentSettings(fio2, peepCmH2O, newMode);
    }
}
