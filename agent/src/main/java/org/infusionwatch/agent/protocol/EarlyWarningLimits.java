package org.infusionwatch.agent.protocol;

/**
 * Early warnings (never protocol events): sustained values on artefact-free samples. Immutable.
 *
 * @param spo2BelowPercent     SpO2 below this, %
 * @param spo2HoldMs           for at least this long
 * @param mapBelowMmHg         arterial mean pressure below this, mmHg
 * @param mapHoldMs            for at least this long
 * @param heartRateAbove       heart rate above this, /min
 * @param heartRateBelow       or below this, /min
 * @param heartRateHoldMs      for at least this long
 * @param maxGapMs             a run is broken when two artefact-free samples are further apart
 */
public record EarlyWarningLimits(
        double spo2BelowPercent,
        long spo2HoldMs,
        double mapBelowMmHg,
        long mapHoldMs,
        double heartRateAbove,
        double heartRateBelow,
        long heartRateHoldMs,
        long maxGapMs) {
}
