package org.infusionwatch.agent.engine;

import org.infusionwatch.agent.protocol.DoseUnit;
import org.infusionwatch.agent.protocol.Labels;
import org.infusionwatch.agent.protocol.VasopressorDefinition;
import org.infusionwatch.agent.protocol.VasopressorDrug;

/**
 * The vasopressor pumps at a bed, one channel per pump (its device id), and in event time the
 * dose of each drug of the profile's table summed over its channels, plus the number of
 * vasopressors running. Dose = concentration x rate (mL/h / 60), in ug/min or, with the weight
 * (from the pump, else the bed's configured weight), ug/kg/min. A channel in a bolus, priming or
 * purge mode, or not delivering, gives no dose. Channels and histories are preallocated; a pump
 * report updates them without allocating.
 *
 * <p>Owned by the engine thread.
 */
final class VasopressorState {
    static final int CHANNELS = 16;
    private static final int HISTORY_POINTS = 4096;

    private final VasopressorDefinition definition;
    private final double configuredWeightKg;
    private final String[] deviceIds = new String[CHANNELS];
    private final String[] labels = new String[CHANNELS];
    private final int[] drugs = new int[CHANNELS];
    private final double[] concentrationUgPerMl = new double[CHANNELS];
    private final double[] rateMlPerHour = new double[CHANNELS];
    private final double[] currentRateMlPerHour = new double[CHANNELS];
    private final double[] reportedUgPerKgPerMin = new double[CHANNELS];
    private final double[] weightKg = new double[CHANNELS];
    private final boolean[] delivering = new boolean[CHANNELS];
    private final boolean[] notADose = new boolean[CHANNELS];
    /** The last status and mode texts read per channel and what they meant: pumps repeat them in every report. */
    private final String[] statusTexts = new String[CHANNELS];
    private final byte[] statusMeanings = new byte[CHANNELS];
    private final String[] modeTexts = new String[CHANNELS];
    private final long[] updatedMs = new long[CHANNELS];
    private int used;
    /** Moves whenever a dose history or the count of running agents changes. */
    private long changes;

    /** Per drug of the table: its dose in the unit of its threshold (ug/min for count-only drugs). */
    final SettingHistory[] dose;
    /** How many different vasopressors were running. */
    final SettingHistory activeAgents = new SettingHistory(HISTORY_POINTS);

    VasopressorState(VasopressorDefinition definition, double configuredWeightKg) {
        this.definition = definition;
        this.configuredWeightKg = configuredWeightKg;
        this.dose = new SettingHistory[definition.drugs().size()];
        for (int i = 0; i < dose.length; i++) {
            dose[i] = new SettingHistory(HISTORY_POINTS);
        }
    }

    /** A number that moves whenever a dose history or the count of running agents changes. */
    long changes() {
        return changes;
    }

    /** The channel of a pump, allocated on its first report (the least recently updated is reused when full). */
    int channel(String deviceId, long timeMs) {
        for (int i = 0; i < used; i++) {
            if (deviceIds[i].equals(deviceId)) {
                updatedMs[i] = Math.max(updatedMs[i], timeMs);
                return i;
            }
        }
        int slot = used < CHANNELS ? used++ : oldest();
        deviceIds[slot] = deviceId;
        labels[slot] = null;
        drugs[slot] = -1;
        concentrationUgPerMl[slot] = Double.NaN;
        rateMlPerHour[slot] = Double.NaN;
        currentRateMlPerHour[slot] = Double.NaN;
        reportedUgPerKgPerMin[slot] = Double.NaN;
        weightKg[slot] = Double.NaN;
        delivering[slot] = true;
        notADose[slot] = false;
        statusTexts[slot] = null;
        modeTexts[slot] = null;
        updatedMs[slot] = timeMs;
        return slot;
    }

    private int oldest() {
        int oldest = 0;
        for (int i = 1; i < CHANNELS; i++) {
            if (updatedMs[i] < updatedMs[oldest]) {
                oldest = i;
            }
        }
        return oldest;
    }

    void label(int ch, String label) {
        if (label != null && !label.equals(labels[ch])) {
            labels[ch] = label;
            drugs[ch] = definition.drugIndexOf(label);
        }
    }

    void rate(int ch, double mlPerHour) {
        rateMlPerHour[ch] = mlPerHour;
    }

    void currentRate(int ch, double mlPerHour) {
        currentRateMlPerHour[ch] = mlPerHour;
    }

    /** Concentration in mg/mL (MDC_DIM_MILLI_G_PER_ML) or ug/mL; any other unit gives no dose. */
    void concentration(int ch, double value, int unitCode, String unit) {
        if (unitCode == Signals.MILLI_G_PER_ML || "MDC_DIM_MILLI_G_PER_ML".equals(unit) || "mg/mL".equals(unit)) {
            concentrationUgPerMl[ch] = value * 1000.0;
        } else if ("MDC_DIM_MICRO_G_PER_ML".equals(unit) || "ug/mL".equals(unit) || "mcg/mL".equals(unit)) {
            concentrationUgPerMl[ch] = value;
        } else {
            concentrationUgPerMl[ch] = Double.NaN;
        }
    }

    /** A dose rate the pump computed itself (MDC_RATE_DOSE), used only when no concentration is known. */
    void reportedDoseRate(int ch, double value, int unitCode, String unit) {
        boolean perKg = unitCode == Signals.MICRO_G_PER_KG_PER_MIN || "MDC_DIM_MICRO_G_PER_KG_PER_MIN".equals(unit)
                || "ug/kg/min".equals(unit);
        reportedUgPerKgPerMin[ch] = perKg ? value : Double.NaN;
    }

    void weight(int ch, double kg) {
        weightKg[ch] = kg > 0 ? kg : Double.NaN;
    }

    /** MDC_PUMP_INFUSING_STATUS or the delivery status: "not-infusing", paused, stopped = no delivery. */
    void status(int ch, String text) {
        if (text == null) {
            return;
        }
        if (!text.equals(statusTexts[ch])) {
            statusTexts[ch] = text;
            statusMeanings[ch] = statusMeaning(text);
        }
        if (statusMeanings[ch] == STOPPED) {
            delivering[ch] = false;
        } else if (statusMeanings[ch] == DELIVERING) {
            delivering[ch] = true;
        }
    }

    private static final byte UNKNOWN_STATUS = 0;
    private static final byte STOPPED = 1;
    private static final byte DELIVERING = 2;

    private static byte statusMeaning(String text) {
        if (Labels.contains(text, "not-") || Labels.contains(text, "paus") || Labels.contains(text, "stop")
                || Labels.contains(text, "standby") || Labels.contains(text, "idle")) {
            return STOPPED;
        }
        return Labels.contains(text, "infusing") || Labels.contains(text, "delivering") ? DELIVERING : UNKNOWN_STATUS;
    }

    /** Program delivery mode: bolus, priming and purge are not doses. */
    void deliveryMode(int ch, String text) {
        if (text == null) {
            modeTexts[ch] = null;
            notADose[ch] = false;
            return;
        }
        if (text.equals(modeTexts[ch])) {
            return; // the same mode as before means what it meant then
        }
        modeTexts[ch] = text;
        notADose[ch] = Labels.contains(text, "bolus") || Labels.contains(text, "prim") || Labels.contains(text, "purge")
                || Labels.contains(text, "flush");
    }

    void delivering(int ch, boolean on) {
        delivering[ch] = on;
    }

    /** Records every drug's dose and the count of running vasopressors as of {@code timeMs}. */
    void recompute(long timeMs) {
        int running = 0;
        boolean changed = false;
        for (int d = 0; d < dose.length; d++) {
            VasopressorDrug drug = definition.drugs().get(d);
            double sum = 0;
            boolean any = false;
            for (int ch = 0; ch < used; ch++) {
                if (drugs[ch] != d || !isDosing(ch)) {
                    continue;
                }
                any = true;
                sum += doseIn(ch, drug.unit());
            }
            if (any) {
                running++;
            }
            changed |= dose[d].record(timeMs, sum);
        }
        changed |= activeAgents.record(timeMs, running);
        if (changed) {
            changes++;
        }
    }

    private boolean isDosing(int ch) {
        return delivering[ch] && !notADose[ch] && effectiveRate(ch) > 0;
    }

    private double effectiveRate(int ch) {
        return Double.isNaN(currentRateMlPerHour[ch]) ? rateMlPerHour[ch] : currentRateMlPerHour[ch];
    }

    private double weightOf(int ch) {
        return Double.isNaN(weightKg[ch]) ? configuredWeightKg : weightKg[ch];
    }

    /** The channel's dose in {@code unit}; NaN when it cannot be computed (no concentration or weight). */
    private double doseIn(int ch, DoseUnit unit) {
        double ugPerMin = concentrationUgPerMl[ch] * effectiveRate(ch) / 60.0;
        double weight = weightOf(ch);
        if (Double.isNaN(ugPerMin) && !Double.isNaN(reportedUgPerKgPerMin[ch])) {
            return unit == DoseUnit.UG_PER_KG_PER_MIN ? reportedUgPerKgPerMin[ch] : reportedUgPerKgPerMin[ch] * weight;
        }
        return unit == DoseUnit.UG_PER_KG_PER_MIN ? ugPerMin / weight : ugPerMin;
    }

    /** The label of the first channel giving drug {@code d}, for evidence; null when none. */
    String labelOf(int d) {
        for (int ch = 0; ch < used; ch++) {
            if (drugs[ch] == d) {
                return labels[ch];
            }
        }
        return null;
    }

    /** The weight used for drug {@code d}'s channels, for evidence. */
    double weightFor(int d) {
        for (int ch = 0; ch < used; ch++) {
            if (drugs[ch] == d) {
                return weightOf(ch);
            }
        }
        return configuredWeightKg;
    }

    /** Names of the vasopressors running at {@code timeMs} (from the histories), for evidence. */
    String runningAt(long timeMs) {
        StringBuilder out = new StringBuilder();
        for (int d = 0; d < dose.length; d++) {
            double v = dose[d].valueAt(timeMs);
            if (v > 0 || (Double.isNaN(v) && isRunningWithoutDose(d))) {
                if (out.length() > 0) {
                    out.append(", ");
                }
                out.append(definition.drugs().get(d).name().toLowerCase(java.util.Locale.ROOT));
            }
        }
        return out.toString();
    }

    private boolean isRunningWithoutDose(int d) {
        for (int ch = 0; ch < used; ch++) {
            if (drugs[ch] == d && isDosing(ch)) {
                return true;
            }
        }
        return false;
    }
}
