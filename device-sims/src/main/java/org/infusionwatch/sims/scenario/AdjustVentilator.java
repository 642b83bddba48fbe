package org.infusionwatch.sims.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

import org.infusionwatch.sims.model.vent.VentSettings;
import org.infusionwatch.sims.model.vent.Ventilator;

/**
 * The team changes ventilator settings; an empty value is left as it is.
 *
 * @param fio2      new inspired oxygen fraction (0.21–1.0)
 * @param peepCmH2O new PEEP, cmH2O
 */
public record AdjustVentilator(OptionalDouble fio2, OptionalDouble peepCmH2O) implements ScenarioAction {

    /** Sets both FiO2 (a fraction) and PEEP (cmH2O). */
    public static AdjustVentilator to(double fio2, double peepCmH2O) {
        return new AdjustVentilator(OptionalDouble.of(fio2), OptionalDouble.of(peepCmH2O));
    }

    public static AdjustVentilator fio2(double fio2) {
        return new AdjustVentilator(OptionalDouble.of(fio2), OptionalDouble.empty());
    }

    public static AdjustVentilator peep(double peepCmH2O) {
        return new AdjustVentilator(OptionalDouble.empty(), OptionalDouble.of(peepCmH2O));
    }

    @Override
    public String apply(BedDevices bed, long nowMs) {
        Ventilator vent = bed.ventilator();
        VentSettings before = vent.settings();
        VentSettings after = before;
        List<String> changes = new ArrayList<>(2);
        if (fio2.isPresent()) {
            after = after.withFio2(fio2.getAsDouble());
            changes.add(String.format(Locale.ROOT, "FiO2 %.2f→%.2f", before.fio2(), after.fio2()));
        }
        if (peepCmH2O.isPresent()) {
            after = after.withPeep(peepCmH2O.getAsDouble());
            changes.add("PEEP " + Numbers.plain(before.peepCmH2O()) + "→" + Numbers.plain(after.peepCmH2O()));
        }
        vent.apply(after);
        return changes.isEmpty() ? "ventilator unchanged" : String.join(", ", changes);
    }
}
