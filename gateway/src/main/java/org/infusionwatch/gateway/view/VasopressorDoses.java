package org.infusionwatch.gateway.view;

import java.util.Locale;
import org.infusionwatch.agent.protocol.DoseUnit;
import org.infusionwatch.agent.protocol.VasopressorDefinition;
import org.infusionwatch.agent.protocol.VasopressorDrug;

/**
 * A vasopressor pump's dose as the bed tile shows it, worked out the way the engine's vasopressor
 * rule does: concentration (mg/mL or ug/mL) x rate (mL/h) / 60 in ug/min, divided by the weight
 * programmed on the pump when the protocol states that drug's threshold per kilogram. The drug is
 * recognised by the protocol's vasopressor table, so the tile and the rule agree on what counts
 * as a vasopressor. Immutable and thread-safe.
 */
final class VasopressorDoses {
    /** MDC_DIM_MILLI_G_PER_ML. */
    private static final int MG_PER_ML = 264306;

    /** A dose in words: the drug's name in the protocol, and the dose, or the rate when no dose can be worked out. */
    record Dose(String drug, String display) {
    }

    private final VasopressorDefinition table;

    VasopressorDoses(VasopressorDefinition table) {
        this.table = table;
    }

    /** Whether the pump label names a drug of the protocol's vasopressor table. */
    boolean isVasopressor(String drugLabel) {
        return drugLabel != null && !drugLabel.isBlank() && table.drugIndexOf(drugLabel) >= 0;
    }

    /**
     * The dose of a running pump, or null when the label names no vasopressor.
     *
     * @param concentrationUgPerMl NaN when the pump sent none (vasopressin in units, say)
     * @param weightKg             NaN when the pump has none programmed
     */
    Dose dose(String drugLabel, double concentrationUgPerMl, double rateMlPerHour, double weightKg) {
        if (!isVasopressor(drugLabel)) {
            return null;
        }
        VasopressorDrug drug = table.drugs().get(table.drugIndexOf(drugLabel));
        String name = drug.name().toLowerCase(Locale.ROOT);
        if (Double.isNaN(rateMlPerHour)) {
            return new Dose(name, "rate unknown");
        }
        double ugPerMin = concentrationUgPerMl * rateMlPerHour / 60.0;
        if (Double.isNaN(ugPerMin) || drug.unit() == DoseUnit.NONE) {
            return new Dose(name, KeySignal.plain(rateMlPerHour) + " mL/h");
        }
        if (drug.unit() == DoseUnit.UG_PER_KG_PER_MIN && weightKg > 0) {
            return new Dose(name, String.format(Locale.ROOT, "%.2f ug/kg/min", ugPerMin / weightKg));
        }
        return new Dose(name, KeySignal.plain(Math.round(ugPerMin * 10) / 10.0) + " ug/min");
    }

    /** Concentration in ug/mL from a value and its unit (MDC code or text); NaN for any other unit. */
    static double ugPerMl(double value, int unitCode, String unit) {
        if (unitCode == MG_PER_ML || "MDC_DIM_MILLI_G_PER_ML".equals(unit) || "mg/mL".equals(unit)) {
            return value * 1000.0;
        }
        if ("MDC_DIM_MICRO_G_PER_ML".equals(unit) || "ug/mL".equals(unit) || "mcg/mL".equals(unit)) {
            return value;
        }
        return Double.NaN;
    }
}
