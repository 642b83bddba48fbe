package org.infusionwatch.agent.protocol;

/**
 * Where a sample stops being physiology and becomes an artefact. Immutable.
 *
 * @param spo2Min                 SpO2 below this is out of range, %
 * @param spo2Max                 SpO2 above this is out of range, %
 * @param minPerfusionIndex       SpO2 in a report whose perfusion index is below this is a
 *                                low-perfusion artefact
 * @param heartRateMin            heart rate below this is out of range (lead-off reads 0), /min
 * @param heartRateMax            heart rate above this is out of range (noise), /min
 * @param arterialMeanMin         MAP below this is zeroing or an open line, mmHg
 * @param arterialMeanMax         MAP above this is a flush, mmHg
 * @param arterialSystolicMax     systolic above this is a flush (square wave), mmHg
 * @param minPulsePressure        systolic minus diastolic below this is a damped or flat trace, mmHg
 */
public record ArtefactLimits(
        double spo2Min,
        double spo2Max,
        double minPerfusionIndex,
        double heartRateMin,
        double heartRateMax,
        double arterialMeanMin,
        double arterialMeanMax,
        double arterialSystolicMax,
        double minPulsePressure) {
}
