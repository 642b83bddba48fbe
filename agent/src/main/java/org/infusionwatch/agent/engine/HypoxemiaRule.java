package org.infusionwatch.agent.engine;

import java.util.LinkedHashMap;
import java.util.Map;
import org.infusionwatch.agent.model.EventCode;
import org.infusionwatch.agent.protocol.ProtocolProfile;

/**
 * HYPOXEMIA_WORSENING: set FiO2 and set PEEP raised against the settings in effect at the
 * infusion's onset (START: FiO2 +0.20 AND PEEP +5 cmH2O; LANZONI: either), the rise beginning
 * inside the window and holding for the profile's hold time.
 *
 * <p>Evaluated in event time over the bed's setting histories, so a late message or a late
 * delivery-start gives the same answer as if everything had arrived in order. The rise must hold
 * without interruption: the run that counts is the last uninterrupted one up to the bed's now.
 */
final class HypoxemiaRule {
    /** How long after onset a first setting report may still stand for the setting at onset. */
    static final long BASELINE_GRACE_MS = 5 * 60_000L;
    private static final double EPSILON = 1e-9;
    private static final long NONE = Long.MIN_VALUE;

    private final ProtocolProfile profile;

    HypoxemiaRule(ProtocolProfile profile) {
        this.profile = profile;
    }

    /** Evidence for a new alert, or null when there is nothing (new) to flag. */
    Finding evaluate(BedState bed, Infusion infusion) {
        if (infusion.wasFlagged(EventCode.HYPOXEMIA_WORSENING) || bed.nowMs < infusion.onsetMs) {
            return null;
        }
        long t0 = infusion.onsetMs;
        double fio2Base = bed.setFio2.valueAtOrSoonAfter(t0, BASELINE_GRACE_MS);
        double peepBase = bed.setPeep.valueAtOrSoonAfter(t0, BASELINE_GRACE_MS);
        if (Double.isNaN(fio2Base) && Double.isNaN(peepBase)) {
            return null;
        }
        long since = risingSince(bed, t0, fio2Base, peepBase);
        if (since == NONE || since > t0 + profile.windowMs() || bed.nowMs - since < profile.hypoxemiaHoldMs()) {
            return null;
        }
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("fio2Baseline", fio2Base);
        evidence.put("fio2", bed.setFio2.valueAt(bed.nowMs));
        evidence.put("peepBaseline", peepBase);
        evidence.put("peep", bed.setPeep.valueAt(bed.nowMs));
        evidence.put("minutesAfterOnset", (since - t0) / 60_000L);
        evidence.put("heldMinutes", (bed.nowMs - since) / 60_000L);
        evidence.put("rule", profile.hypoxemiaNeedsBoth() ? "FiO2 AND PEEP" : "FiO2 OR PEEP");
        return new Finding(EventCode.HYPOXEMIA_WORSENING, since, evidence);
    }

    /** Start of the uninterrupted run of "risen" up to the bed's now, or NONE. */
    private long risingSince(BedState bed, long t0, double fio2Base, double peepBase) {
        SettingHistory f = bed.setFio2;
        SettingHistory p = bed.setPeep;
        long since = risen(bed, t0, fio2Base, peepBase) ? t0 : NONE;
        int i = f.upperBound(t0);
        int j = p.upperBound(t0);
        while (true) {
            long next = Math.min(i < f.size() ? f.timeAt(i) : Long.MAX_VALUE, j < p.size() ? p.timeAt(j) : Long.MAX_VALUE);
            if (next == Long.MAX_VALUE || next > bed.nowMs) {
                return since;
            }
            if (risen(bed, next, fio2Base, peepBase)) {
                if (since == NONE) {
                    since = next;
                }
            } else {
                since = NONE;
            }
            while (i < f.size() && f.timeAt(i) == next) {
                i++;
            }
            while (j < p.size() && p.timeAt(j) == next) {
                j++;
            }
        }
    }

    private boolean risen(BedState bed, long t, double fio2Base, double peepBase) {
        boolean fio2Up = bed.setFio2.valueAt(t) - fio2Base >= profile.fio2Rise() - EPSILON;
        boolean peepUp = bed.setPeep.valueAt(t) - peepBase >= profile.peepRiseCmH2O() - EPSILON;
        return profile.hypoxemiaNeedsBoth() ? fio2Up && peepUp : fio2Up || peepUp;
    }
}
