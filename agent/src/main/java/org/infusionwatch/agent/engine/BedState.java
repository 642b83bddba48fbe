package org.infusionwatch.agent.engine;

import java.util.ArrayList;
import java.util.List;
import org.infusionwatch.agent.model.BedRef;

/** Everything the engine knows about one bed. Owned by the engine thread. */
final class BedState {
    private static final int SETTING_HISTORY_POINTS = 4096;

    final BedRef bed;
    final String patient;
    final SettingHistory setFio2 = new SettingHistory(SETTING_HISTORY_POINTS);
    final SettingHistory setPeep = new SettingHistory(SETTING_HISTORY_POINTS);
    final List<Infusion> infusions = new ArrayList<>(3);
    /** The latest event time seen for this bed (reports or ticks); never moves back. */
    long nowMs = Long.MIN_VALUE;

    BedState(BedRef bed, String patient) {
        this.bed = bed;
        this.patient = patient;
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
