package org.infusionwatch.sims.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

import org.infusionwatch.sims.model.monitor.Vitals;

/**
 * The patient's condition changes: the monitor's readings move to the new values (with their
 * usual noise) from the next report on. An empty value is left as it is.
 */
public record ChangeVitals(OptionalDouble spo2Percent, OptionalDouble heartRatePerMin,
                           OptionalDouble meanArterialMmHg) implements ScenarioAction {

    public static ChangeVitals spo2(double percent) {
        return new ChangeVitals(OptionalDouble.of(percent), OptionalDouble.empty(), OptionalDouble.empty());
    }

    public static ChangeVitals heartRate(double perMin) {
        return new ChangeVitals(OptionalDouble.empty(), OptionalDouble.of(perMin), OptionalDouble.empty());
    }

    public static ChangeVitals meanArterial(double mmHg) {
        return new ChangeVitals(OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.of(mmHg));
    }

    @Override
    public String apply(BedDevices bed, long nowMs) {
        Vitals before = bed.monitor().vitals();
        Vitals after = before;
        List<String> changes = new ArrayList<>(3);
        if (spo2Percent.isPresent()) {
            after = after.withSpo2(spo2Percent.getAsDouble());
            changes.add(change("SpO2", before.spo2Percent(), after.spo2Percent()));
        }
        if (heartRatePerMin.isPresent()) {
            after = after.withHeartRate(heartRatePerMin.getAsDouble());
            changes.add(change("HR", before.heartRatePerMin(), after.heartRatePerMin()));
        }
        if (meanArterialMmHg.isPresent()) {
            after = after.withMeanArterial(meanArterialMmHg.getAsDouble());
            changes.add(change("MAP", before.meanArterialMmHg(), after.meanArterialMmHg()));
        }
        bed.monitor().apply(after);
        return changes.isEmpty() ? "vitals unchanged" : String.join(", ", changes);
    }

    private static String change(String what, double from, double to) {
        return what + " " + Numbers.plain(from) + "→" + Numbers.plain(to);
    }
}
