package org.infusionwatch.agent.engine;

import java.util.ArrayList;
import java.util.List;
import org.infusionwatch.agent.model.BedRef;
import org.infusionwatch.agent.model.DeviceReport;
import org.infusionwatch.agent.model.Observation;
import org.infusionwatch.agent.model.ObservationKind;
import org.infusionwatch.agent.model.PumpEvent;
import org.infusionwatch.agent.model.ReportKind;

/** Builds device reports for engine tests, in minutes after a fixed epoch. */
final class EngineInput {
    static final long EPOCH_MS = 1_800_000_000_000L;
    static final BedRef BED = new BedRef("ICU-A", "BED01");
    private static int counter;

    private EngineInput() {
    }

    static long at(double minutes) {
        return EPOCH_MS + (long) (minutes * 60_000L);
    }

    static DeviceReport ventilator(BedRef bed, double minutes, double fio2Percent, double peep) {
        long t = at(minutes);
        List<Observation> obs = new ArrayList<>();
        obs.add(new Observation(Signals.SET_FIO2, "MDC_VENT_CONC_AWAY_O2", fio2Percent, "", "MDC_DIM_PERCENT", 262688,
                ObservationKind.SETTING, t, "VENT-" + bed.bed()));
        obs.add(new Observation(Signals.PEEP, "MDC_PRESS_AWAY_END_EXP_POS", peep, "", "MDC_DIM_CM_H2O", 266048,
                ObservationKind.SETTING, t, "VENT-" + bed.bed()));
        return new DeviceReport("V" + (++counter), ReportKind.OBSERVATIONS, bed, "VENT-" + bed.bed(), t, obs, null);
    }

    static DeviceReport pump(BedRef bed, double minutes, int eventCode, String label) {
        long t = at(minutes);
        PumpEvent e = new PumpEvent(eventCode, "", label, 100, Double.NaN, "", 80, t);
        return new DeviceReport("P" + (++counter), ReportKind.PUMP_EVENT, bed, "PUMP-" + bed.bed(), t, List.of(), e);
    }

    static DeviceReport studyStart(BedRef bed, double minutes) {
        return pump(bed, minutes, PumpEvent.MDC_EVT_PUMP_DELIV_START, "STUDY-PRODUCT KIT-0042");
    }
}
