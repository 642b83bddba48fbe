package org.infusionwatch.agent.engine;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
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
import org.infusionwatch.agent.model.EventCode;
import org.infusionwatch.agent.model.InfusionNotice;
import org.infusionwatch.agent.model.Priority;
import org.infusionwatch.agent.model.PumpEvent;
import org.infusionwatch.agent.protocol.ProtocolProfile;

/**
 * The deterministic rule engine: a state machine over its input, time included. It takes time
 * only from its input (report event times and ticks), never from a clock, so the same input always
 * yields the same notices, live or replayed.
 *
 * <p>Per infusion (T0 = the study pump's delivery-start or a clinician's entry) it applies the
 * profile's rules, each event at most once per infusion, with a deterministic alert id. Device
 * reports update preallocated bed state without allocating; the rules allocate only when they
 * raise an alert.
 *
 * <p>Not thread-safe by design: one thread (the engine handler) owns it and all bed state.
 */
public final class RuleEngine {
    /**
     * When an infusion keeps its physiological baselines: samples of the hour before onset may
     * still be on their way for a few seconds (the monitor on MQTT, the pump on MLLP); a minute
     * after onset they are in, and the sample rings still hold the hour.
     */
    private static final long BASELINE_TAKEN_AFTER_MS = 60_000;

    private final EngineConfig config;
    private final ProtocolProfile profile;
    private final Rule[] rules;
    private final ReportApplier applier;
    private final Map<BedRef, BedState> beds = new HashMap<>();
    /** The same beds, for ticks: indexed, so no iterator is allocated. */
    private final List<BedState> bedList = new ArrayList<>();
    /** After onset + this, nothing new can be flagged for an infusion (longest window and hold). */
    private final long horizonMs;
    /** False only in tests that hold the skipping of unchanged rules to asking every rule every time. */
    private final boolean skipUnchangedRules;
    /** Per rule: true when it follows the bed summary ({@link Rule#followsBedSummary()}). */
    private final boolean[] followsBedSummary;

    public RuleEngine(EngineConfig config) {
        this(config, true);
    }

    RuleEngine(EngineConfig config, boolean skipUnchangedRules) {
        this.skipUnchangedRules = skipUnchangedRules;
        this.config = config;
        this.profile = config.profile();
        this.applier = new ReportApplier(profile);
        List<Rule> all = List.of(
                new VasopressorRule(profile),
                new HypoxemiaRule(profile),
                new IntubationRule(profile),
                new LethalArrhythmiaRule(profile),
                new ClinicianEventRule(EventCode.ARRHYTHMIA_CARDIOVERSION, ClinicianEntry.Type.CARDIOVERSION, profile),
                new ClinicianEventRule(EventCode.TRANSFUSION_REACTION, ClinicianEntry.Type.TRANSFUSION_REACTION, profile),
                new ClinicianEventRule(EventCode.CARDIAC_ARREST, ClinicianEntry.Type.CARDIAC_ARREST, profile),
                new ClinicianEventRule(EventCode.DEATH, ClinicianEntry.Type.DEATH, profile),
                new SignalLossRule(profile),
                EarlyWarningRule.desaturation(profile),
                EarlyWarningRule.hypotension(profile),
                EarlyWarningRule.heartRate(profile));
        List<Rule> enabled = new ArrayList<>();
        long maxHold = 0;
        for (Rule r : all) {
            if (profile.enabled(r.event())) {
                enabled.add(r);
                maxHold = Math.max(maxHold, profile.holdMs(r.event()));
            }
        }
        this.rules = enabled.toArray(new Rule[0]);
        this.followsBedSummary = new boolean[rules.length];
        for (int r = 0; r < rules.length; r++) {
            followsBedSummary[r] = rules[r].followsBedSummary();
        }
        this.horizonMs = Math.max(profile.longWindowMs(), profile.windowMs()) + maxHold;
    }

    /** Applies one device report; notices it causes are appended to {@code out}. */
    public void onReport(DeviceReport report, List<AgentNotice> out) {
        if (report.bed() == null) {
            return;
        }
        BedState bed = bedState(report.bed());
        if (bed.recentMessages.seenBefore(report.deviceId(), report.messageId())) {
            bed.artefacts.record(ArtefactKind.DUPLICATE, report.timeMs());
            return;
        }
        applier.apply(bed, report);
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
        if (bed.recentEntries.seenBefore(null, entry.entryId())) {
            return;
        }
        switch (entry.type()) {
            case INFUSION_START -> startInfusion(bed, entry.timeMs(), "entry:" + entry.by(), out);
            case INFUSION_STOP -> completeInfusion(bed, entry.timeMs(), null, out);
            default -> bed.entries.add(entry);
        }
        bed.advanceTo(entry.timeMs());
        evaluate(bed, out);
    }

    /** Moves every bed's time to {@code nowMs}, so holds complete without device traffic. */
    public void onTick(long nowMs, List<AgentNotice> out) {
        for (int i = 0; i < bedList.size(); i++) {
            BedState bed = bedList.get(i);
            bed.advanceTo(nowMs);
            evaluate(bed, out);
        }
    }

    private void applyPumpEvent(BedState bed, PumpEvent event, String deviceId, List<AgentNotice> out) {
        boolean study = config.studyProduct().matches(event.drugLabel());
        if (event.isDeliveryStart() && study) {
            startInfusion(bed, event.timeMs(), deviceId, out);
        } else if (event.eventCode() == PumpEvent.MDC_EVT_PUMP_DELIV_COMP && isStudyPump(bed, event, deviceId, study)) {
            completeInfusion(bed, event.timeMs(), deviceId, out);
        } else if (!study) {
            // Any other drug: a vasopressor's pump starting or stopping changes the doses.
            applier.applyPumpEvent(bed, event, deviceId);
        }
    }

    /** A delivery-complete belongs to the study infusion when it names the study product or comes from its pump. */
    private static boolean isStudyPump(BedState bed, PumpEvent event, String deviceId, boolean studyLabel) {
        Infusion latest = bed.latestInfusion();
        return studyLabel || (latest != null && deviceId != null && deviceId.equals(latest.source)
                && (event.drugLabel() == null || event.drugLabel().isEmpty()));
    }

    private void startInfusion(BedState bed, long timeMs, String source, List<AgentNotice> out) {
        Infusion latest = bed.latestInfusion();
        if (latest != null && timeMs >= latest.onsetMs && timeMs - latest.onsetMs < profile.longWindowMs()) {
            if (latest.isDelivering()) {
                return;
            }
            if (timeMs - latest.completedMs <= config.resumeGapMs()) {
                latest.completedMs = Infusion.NOT_COMPLETED;
                out.add(notice(bed, latest, InfusionNotice.Kind.RESUMED, timeMs, source));
                return;
            }
        }
        Infusion infusion = new Infusion(bed.nextInfusionId(), timeMs, source, rules.length);
        bed.infusions.add(infusion);
        out.add(notice(bed, infusion, InfusionNotice.Kind.OPENED, timeMs, source));
    }

    private void completeInfusion(BedState bed, long timeMs, String deviceId, List<AgentNotice> out) {
        Infusion latest = bed.latestInfusion();
        if (latest == null || !latest.isDelivering() || timeMs < latest.onsetMs) {
            return;
        }
        latest.completedMs = timeMs;
        out.add(notice(bed, latest, InfusionNotice.Kind.COMPLETED, timeMs, deviceId == null ? "entry" : deviceId));
    }

    private void evaluate(BedState bed, List<AgentNotice> out) {
        for (int i = 0; i < bed.infusions.size(); i++) {
            Infusion infusion = bed.infusions.get(i);
            if (bed.nowMs < infusion.onsetMs || infusion.settled) {
                continue;
            }
            if (!infusion.baselinesTaken() && bed.nowMs >= infusion.onsetMs + BASELINE_TAKEN_AFTER_MS) {
                infusion.takeBaselines(bed, profile.baselineMs());
            }
            long summary = bed.ruleInputChanges();
            boolean followersQuiet = skipUnchangedRules && infusion.quietAsOf(summary, bed.nowMs);
            long followersQuietUntil = Rule.UNTIL_INPUTS_CHANGE;
            for (int r = 0; r < rules.length; r++) {
                if (followersQuiet && followsBedSummary[r]) {
                    continue;
                }
                Rule rule = rules[r];
                if (infusion.wasFlagged(rule.event())) {
                    continue;
                }
                long version = rule.inputsVersion(bed);
                if (!skipUnchangedRules || infusion.worthAsking(r, version, bed.nowMs)) {
                    Finding f = rule.evaluate(bed, infusion);
                    if (f == null) {
                        infusion.foundNothing(r, version, rule.quietUntilMs());
                    } else if (infusion.markFlagged(f.event())) {
                        Alert alert = alert(bed, infusion, f);
                        bed.raised.add(alert);
                        out.add(alert);
                        continue;
                    }
                }
                if (followsBedSummary[r]) {
                    followersQuietUntil = Math.min(followersQuietUntil, infusion.quietUntilMs(r));
                }
            }
            if (!followersQuiet) {
                infusion.allQuiet(summary, followersQuietUntil);
            }
            long windowEnd = infusion.onsetMs + profile.windowMs();
            if (!infusion.windowClosedNoticed && bed.nowMs >= windowEnd) {
                infusion.windowClosedNoticed = true;
                out.add(notice(bed, infusion, InfusionNotice.Kind.WINDOW_CLOSED, windowEnd, "clock"));
            }
            // Once past the longest window and hold, nothing can change: stop evaluating it.
            infusion.settled = bed.nowMs > infusion.onsetMs + horizonMs;
        }
    }

    private Alert alert(BedState bed, Infusion infusion, Finding f) {
        String key = bed.bed.key() + '|' + infusion.id + '|' + f.event().name() + '|' + f.onsetMs();
        String alertId = UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString();
        Map<String, Object> evidence = AlertContext.complete(f.evidence(), bed, infusion, profile);
        Priority priority = f.event().isProtocolEvent() ? Priority.HIGH : Priority.MEDIUM;
        return new Alert(alertId, bed.bed, bed.patient, infusion.id, f.event(), priority, AlertState.RAISED,
                f.onsetMs(), bed.nowMs, profile.name(), profile.contentHash(), evidence);
    }

    private InfusionNotice notice(BedState bed, Infusion infusion, InfusionNotice.Kind kind, long timeMs, String source) {
        return new InfusionNotice(bed.bed, bed.patient, infusion.id, kind, timeMs, infusion.onsetMs, source,
                profile.name(), profile.contentHash());
    }

    private BedState bedState(BedRef ref) {
        BedState bed = beds.get(ref);
        if (bed == null) {
            bed = new BedState(ref, config.enrolment().pseudonymOf(ref), profile, config.weightKgOf(ref));
            beds.put(ref, bed);
            bedList.add(bed);
        }
        return bed;
    }
}
