package org.infusionwatch.agent.engine;

import java.util.ArrayList;
import java.util.List;
import org.infusionwatch.agent.model.Alert;
import org.infusionwatch.agent.model.BedRef;
import org.infusionwatch.agent.model.ClinicianEntry;
import org.infusionwatch.agent.protocol.EarlyWarningLimits;
import org.infusionwatch.agent.protocol.ProtocolProfile;

/**
 * Everything the engine knows about one bed, allocated once when the bed first appears: setting
 * histories, physiological sample rings, vasopressor channels, alarm states, device watch,
 * artefact log. Applying a device report changes these in place without allocating.
 *
 * <p>Owned by the engine thread.
 */
final class BedState {
    private static final int SETTING_HISTORY_POINTS = 4096;
    private static final int RECENT_IDS = 64;

    final BedRef bed;
    final String patient;
    final SettingHistory setFio2 = new SettingHistory(SETTING_HISTORY_POINTS);
    final SettingHistory setPeep = new SettingHistory(SETTING_HISTORY_POINTS);
    /** Ventilation mode as {@link org.infusionwatch.agent.protocol.VentMode#level()}. */
    final SettingHistory ventMode = new SettingHistory(SETTING_HISTORY_POINTS);
    /** Moves whenever set FiO2, set PEEP or the mode history changes (what the ventilation rules read). */
    int ventilationChanges;
    /** The latest mode code or label as the ventilator sent it, for evidence. */
    String lastModeLabel = "";
    final PhysioSignal spo2;
    final PhysioSignal heartRate;
    final PhysioSignal arterialMean;
    /** The three signals by {@link PhysioSignal#index}. */
    final PhysioSignal[] physio;
    /** Runs logged by any of the three signals, so early-warning rules see new runs without visiting each signal. */
    int earlyWarningRuns;
    final VasopressorState vasopressors;
    final AlarmStates alarms = new AlarmStates();
    final DeviceWatch devices;
    final ArtefactLog artefacts = new ArtefactLog();
    final RecentIds recentMessages = new RecentIds(RECENT_IDS);
    final RecentIds recentEntries = new RecentIds(RECENT_IDS);
    final List<Infusion> infusions = new ArrayList<>(3);
    /** Clinician entries that rules read (cardioversion, arrest, notes...), in arrival order. */
    final List<ClinicianEntry> entries = new ArrayList<>();
    /** Alerts raised at this bed, for context. */
    final List<Alert> raised = new ArrayList<>();
    /** The latest event time seen for this bed (reports or ticks); never moves back. */
    long nowMs = Long.MIN_VALUE;

    BedState(BedRef bed, String patient, ProtocolProfile profile, double weightKg) {
        this.bed = bed;
        this.patient = patient;
        EarlyWarningLimits w = profile.earlyWarnings();
        this.spo2 = new PhysioSignal(0, w.spo2HoldMs(), w.maxGapMs(), profile.baselineMs());
        this.heartRate = new PhysioSignal(1, w.heartRateHoldMs(), w.maxGapMs(), profile.baselineMs());
        this.arterialMean = new PhysioSignal(2, w.mapHoldMs(), w.maxGapMs(), profile.baselineMs());
        this.physio = new PhysioSignal[] {spo2, heartRate, arterialMean};
        this.vasopressors = new VasopressorState(profile.vasopressors(), weightKg);
        this.devices = new DeviceWatch(profile.signalLossMs());
    }

    /**
     * A summary of what every rule but signal loss reads: it moves whenever one of its parts moves
     * (each only ever grows), so an unchanged summary means unchanged inputs for all those rules.
     */
    long ruleInputChanges() {
        return (long) ventilationChanges + alarms.changes() + vasopressors.changes() + earlyWarningRuns + entries.size();
    }

    void advanceTo(long timeMs) {
        if (timeMs > nowMs) {
            nowMs = timeMs;
        }
    }

    Infusion latestInfusion() {
        return infusions.isEmpty() ? null : infusions.get(infusions.size() - 1);
    }

    String nextInfusionId() {
        return bed.key() + "/" + (infusions.size() + 1);
    }
}
