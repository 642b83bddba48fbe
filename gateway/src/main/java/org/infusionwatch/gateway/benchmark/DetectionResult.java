package org.infusionwatch.gateway.benchmark;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.infusionwatch.agent.model.Alert;
import org.infusionwatch.agent.model.EventCode;
import org.infusionwatch.agent.protocol.ProtocolProfile;
import org.infusionwatch.sims.scenario.ExpectedEvent;

/**
 * The benchmark's verdict for one profile: every scenario's expected events matched against the
 * alerts the engine raised. An expected event is detected by an alert of the same code whose
 * onset is within {@link #ONSET_TOLERANCE_MS} of the scripted onset; every other alert is false.
 * Delay = raised time - (scripted onset + the profile's hold time for that event), in event time.
 * Immutable once built.
 */
final class DetectionResult {
    /** A device reports every 30 s; an onset may be placed at the next report. */
    static final long ONSET_TOLERANCE_MS = 60_000;

    final ProtocolProfile profile;
    final int scenarios;
    final int infusionWindows;
    final int hl7Messages;
    final int jsonMessages;
    final int entries;
    /** Of {@link #entries}, those sent as a charting system's HL7 (the rest as MQTT JSON). */
    final int hl7Entries;
    final List<String> refused;
    final Map<EventCode, EventScore> byEvent = new EnumMap<>(EventCode.class);
    final long wallMs;
    private final List<ScenarioPlayer.Outcome> outcomes;

    DetectionResult(ProtocolProfile profile, List<ScenarioPlayer.Outcome> outcomes, long wallMs) {
        this.profile = profile;
        this.scenarios = outcomes.size();
        this.wallMs = wallMs;
        this.outcomes = List.copyOf(outcomes);
        for (EventCode e : EventCode.values()) {
            byEvent.put(e, new EventScore(e));
        }
        int windows = 0;
        int hl7 = 0;
        int json = 0;
        int entryCount = 0;
        int hl7EntryCount = 0;
        List<String> refusals = new java.util.ArrayList<>();
        for (ScenarioPlayer.Outcome o : outcomes) {
            score(o);
            windows += o.infusionWindows();
            hl7 += o.hl7Messages();
            json += o.jsonMessages();
            entryCount += o.entries();
            hl7EntryCount += o.hl7Entries();
            refusals.addAll(o.refused());
        }
        this.infusionWindows = windows;
        this.hl7Messages = hl7;
        this.jsonMessages = json;
        this.entries = entryCount;
        this.hl7Entries = hl7EntryCount;
        this.refused = List.copyOf(refusals);
    }

    private void score(ScenarioPlayer.Outcome o) {
        List<Alert> unmatched = new java.util.ArrayList<>(o.alerts());
        for (ExpectedEvent expected : o.scenario().expectedEvents()) {
            if (!expected.appliesTo(profile.name())) {
                continue;
            }
            EventCode code = EventCode.valueOf(expected.code());
            EventScore score = byEvent.get(code);
            score.expected++;
            long onset = ScenarioPlayer.START_MS + expected.offsetMs();
            Alert match = null;
            for (Alert a : unmatched) {
                if (a.event() == code && Math.abs(a.onsetMs() - onset) <= ONSET_TOLERANCE_MS) {
                    match = a;
                    break;
                }
            }
            if (match == null) {
                score.misses.add(o.scenario().name() + " " + code + " at T0+" + minutes(expected.offsetMs()
                        - o.scenario().onsetOffsetMs()) + " min");
                continue;
            }
            unmatched.remove(match);
            score.detected++;
            score.delaysMs.add(match.raisedMs() - (onset + profile.holdMs(code)));
        }
        for (Alert a : unmatched) {
            EventScore score = byEvent.get(a.event());
            score.falseAlerts++;
            score.falses.add(o.scenario().name() + " " + a.event() + " onset T0+" + minutes(a.onsetMs()
                    - ScenarioPlayer.START_MS - o.scenario().onsetOffsetMs()) + " min: " + a.evidence().get("summary"));
        }
    }

    /** All protocol events together. */
    EventScore protocolTotal() {
        EventScore total = new EventScore(null);
        for (EventScore s : byEvent.values()) {
            if (s.event.isProtocolEvent() && profile.enabled(s.event)) {
                total.add(s);
            }
        }
        return total;
    }

    /** Signal loss and early warnings together. */
    EventScore otherTotal() {
        EventScore total = new EventScore(null);
        for (EventScore s : byEvent.values()) {
            if (!s.event.isProtocolEvent()) {
                total.add(s);
            }
        }
        return total;
    }

    /** False protocol alerts per 100 infusion windows. */
    double falseProtocolAlertsPer100Windows() {
        return infusionWindows == 0 ? 0 : 100.0 * protocolTotal().falseAlerts / infusionWindows;
    }

    /** True when the targets are met: 100 % sensitivity, no false alert, delay <= hold + 1 s. */
    boolean meetsTargets() {
        EventScore p = protocolTotal();
        EventScore o = otherTotal();
        return refused.isEmpty() && p.sensitivity() == 1.0 && o.sensitivity() == 1.0 && p.falseAlerts == 0
                && o.falseAlerts == 0 && p.worstDelayMs() <= 1_000 && o.worstDelayMs() <= 1_000;
    }

    String format() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "Detection benchmark, profile %s v%d (sha256 %s)%n", profile.name(),
                profile.version(), profile.contentHash().substring(0, 12)));
        out.append(String.format(Locale.ROOT,
                "%d scenarios, %d infusion windows; %d HL7 messages (PCD-01/04/10) and %d MQTT JSON reports through the"
                        + " gateway decoders, %d clinician entries (%d as HL7, %d as MQTT JSON); %.1f s%n%n", scenarios,
                infusionWindows, hl7Messages, jsonMessages, entries, hl7Entries, entries - hl7Entries, wallMs / 1000.0));
        out.append(String.format(Locale.ROOT, "%-28s %8s %8s %11s %12s %14s %13s%n", "event", "expected", "detected",
                "sensitivity", "false alerts", "median delay", "worst delay"));
        for (EventScore s : byEvent.values()) {
            if (s.event.isProtocolEvent() && !profile.enabled(s.event)) {
                out.append(String.format(Locale.ROOT, "%-28s %s%n", s.event, "(not defined by this profile)"));
                continue;
            }
            row(out, s.event.name() + (s.event.isProtocolEvent() ? "" : " *"), s);
        }
        out.append('\n');
        row(out, "ALL PROTOCOL EVENTS", protocolTotal());
        row(out, "ALL OTHER (* not protocol)", otherTotal());
        out.append(String.format(Locale.ROOT, "%nfalse protocol alerts per 100 infusion windows: %.2f%n",
                falseProtocolAlertsPer100Windows()));
        out.append("delays: raised time - (scripted onset + hold time), event time\n");
        for (EventScore s : byEvent.values()) {
            s.misses.forEach(m -> out.append("MISSED ").append(m).append('\n'));
            s.falses.forEach(f -> out.append("FALSE  ").append(f).append('\n'));
        }
        refused.forEach(r -> out.append("REFUSED ").append(r).append('\n'));
        out.append(meetsTargets() ? "targets met: sensitivity 100 %, no false alert, delay <= hold + 1 s\n"
                : "TARGETS NOT MET\n");
        return out.toString();
    }

    /** Every scenario and the alerts it raised, with the evidence a nurse reads. */
    String formatAlerts() {
        StringBuilder out = new StringBuilder();
        for (ScenarioPlayer.Outcome o : outcomes) {
            out.append(o.scenario().name()).append(": ").append(o.scenario().description()).append('\n');
            for (Alert a : o.alerts()) {
                out.append("  ").append(a.event()).append(" onset T0+")
                        .append(minutes(a.onsetMs() - ScenarioPlayer.START_MS - o.scenario().onsetOffsetMs()))
                        .append(" min: ").append(a.evidence().get("summary")).append(" [artefacts since onset: ")
                        .append(a.evidence().get("artefacts")).append("]\n");
            }
        }
        return out.toString();
    }

    private static void row(StringBuilder out, String name, EventScore s) {
        out.append(String.format(Locale.ROOT, "%-28s %8d %8d %10.1f%% %12d %12.1f s %11.1f s%n", name, s.expected,
                s.detected, 100 * s.sensitivity(), s.falseAlerts, s.medianDelayMs() / 1000.0, s.worstDelayMs() / 1000.0));
    }

    private static long minutes(long ms) {
        return Math.floorDiv(ms, 60_000L);
    }
}
