package org.infusionwatch.agent.engine;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.infusionwatch.agent.model.AgentNotice;
import org.infusionwatch.agent.model.Alert;
import org.infusionwatch.agent.model.AlertState;
import org.infusionwatch.agent.model.BedRef;
import org.infusionwatch.agent.model.ClinicianEntry;
import org.infusionwatch.agent.model.DeviceReport;
import org.infusionwatch.agent.model.InfusionNotice;
import org.infusionwatch.agent.model.Observation;
import org.infusionwatch.agent.model.ObservationKind;
import org.infusionwatch.agent.model.Priority;
import org.infusionwatch.agent.model.PumpEvent;

/**
 * The deterministic rule engine: a state machine over its input, time included. It takes time
 * only from its input (report event times and ticks), never from a clock, so the same input always
 * yields the same notices, live or replayed.
 *
 * <p>Not thread-safe by design: one thread (the engine handler) owns it and all bed state.
 */
public final class RuleEngine {
    private final EngineConfig config;
    private final HypoxemiaRule hypoxemia;
    private final Map<BedRef, BedState> beds = new HashMap<>();

    public RuleEngine(EngineConfig config) {
        this.config = config;
        this.hypoxemia = new HypoxemiaRule(config.profile());
    }

    /** Applies one device report; notices it causes are appended to {@code out}. */
    public void onReport(DeviceReport report, List<AgentNotice> out) {
        if (report.bed() == null) {
            return;
        }
        BedState bed = bedState(report.bed());
        List<Observation> observations = report.observations();
        for (int i = 0; i < observations.size(); i++) {
            Observation o = observations.get(i);
            if (o.kind() == ObservationKind.SETTING && o.isNumeric()) {
                applySetting(bed, o);
            }
            bed.advanceTo(o.timeMs());
        }
        PumpEvent pump = report.pumpEvent();
        if (pump != null) {
            applyPumpEvent(bed, pump, report.deviceId(), out);
        }
        bed.advanceTo(report.timeMs());
        evaluate(bed, out);
    }

    /** Applies one clinician entry. */
    public void onEntry(ClinicianEntry entry, List<AgentNotice> out) {
        BedState bed = bedState(entry.bed());
        switch (entry.type()) {
            case INFUSION_START -> startInfusion(bed, entry.timeMs(), "entry:" + entry.by(), out);
            case INFUSION_STOP -> completeInfusion(bed, entry.timeMs(), null, out);
            default -> throw new IllegalArgumentException("unknown entry type " + entry.type());
        }
        bed.advanceTo(entry.timeMs());
        evaluate(bed, out);
    }

    /** Moves every bed's time to {@code nowMs}, so holds complete without device traffic. */
    public void onTick(long nowMs, List<AgentNotice> out) {
        for (BedState bed : beds.values()) {
            bed.advanceTo(nowMs);
            evaluate(bed, out);
        }
    }

    private static void applySetting(BedState bed, Observation o) {
        switch (o.mdcCode()) {
            case Signals.SET_FIO2 -> bed.setFio2.record(o.timeMs(), Signals.fio2Fraction(o.value()));
            case Signals.PEEP -> bed.setPeep.record(o.timeMs(), o.value());
            default -> { }
        }
    }

    private void applyPumpEvent(BedState bed, PumpEvent event, String deviceId, List<AgentNotice> out) {
        if (event.isDeliveryStart() && config.studyProduct().matches(event.drugLabel())) {
            startInfusion(bed, event.timeMs(), deviceId, out);
        } else if (event.eventCode() == PumpEvent.MDC_EVT_PUMP_DELIV_COMP) {
            completeInfusion(bed, event.timeMs(), deviceId, out);
        }
    }

    private void startInfusion(BedState bed, long timeMs, String source, List<AgentNotice> out) {
        Infusion latest = bed.latestInfusion();
        if (latest != null && timeMs >= latest.onsetMs && timeMs - latest.onsetMs < config.profile().longWindowMs()) {
            if (latest.isDelivering()) {
                return;
            }
            if (timeMs - latest.completedMs <= config.resumeGapMs()) {
                latest.completedMs = Infusion.NOT_COMPLETED;
                out.add(notice(bed, latest, InfusionNotice.Kind.RESUMED, timeMs, source));
                return;
            }
        }
        Infusion infusion = new Infusion(bed.nextInfusionId(), timeMs, source);
        bed.infusions.add(infusion);
        out.add(notice(bed, infusion, InfusionNotice.Kind.OPENED, timeMs, source));
    }

    private void completeInfusion(BedState bed, long timeMs, String deviceId, List<AgentNotice> out) {
        Infusion latest = bed.latestInfusion();
        if (latest == null || !latest.isDelivering() || timeMs < latest.onsetMs) {
            return;
        }
        if (deviceId != null && !deviceId.equals(latest.source) && !latest.source.startsWith("entry:")) {
            return;
        }
        latest.completedMs = timeMs;
        out.add(notice(bed, latest, InfusionNotice.Kind.COMPLETED, timeMs, deviceId == null ? "entry" : deviceId));
    }

    private void evaluate(BedState bed, List<AgentNotice> out) {
        for (int i = 0; i < bed.infusions.size(); i++) {
            Infusion infusion = bed.infusions.get(i);
            Finding f = hypoxemia.evaluate(bed, infusion);
            if (f != null && infusion.markFlagged(f.event())) {
                out.add(alert(bed, infusion, f));
            }
            long windowEnd = infusion.onsetMs + config.profile().windowMs();
            if (!infusion.windowClosedNoticed && bed.nowMs >= windowEnd) {
                infusion.windowClosedNoticed = true;
                out.add(notice(bed, infusion, InfusionNotice.Kind.WINDOW_CLOSED, windowEnd, "clock"));
            }
        }
    }

    private Alert alert(BedState bed, Infusion infusion, Finding f) {
        String key = bed.bed.key() + '|' + infusion.id + '|' + f.event().name() + '|' + f.onsetMs();
        String alertId = UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString();
        return new Alert(alertId, bed.bed, bed.patient, infusion.id, f.event(), Priority.HIGH, AlertState.RAISED,
                f.onsetMs(), bed.nowMs, config.profile().name(), config.profile().contentHash(), f.evidence());
    }

    private static InfusionNotice notice(BedState bed, Infusion infusion, InfusionNotice.Kind kind, long timeMs, String source) {
        return new InfusionNotice(bed.bed, bed.patient, infusion.id, kind, timeMs, infusion.onsetMs, source);
    }

    private BedState bedState(BedRef ref) {
        return beds.computeIfAbsent(ref, b -> new BedState(b, config.enrolment().pseudonymOf(b)));
    }
}
