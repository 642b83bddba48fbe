package org.infusionwatch.agent.alerts;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.infusionwatch.agent.model.AgentNotice;
import org.infusionwatch.agent.model.Alert;
import org.infusionwatch.agent.model.AlertAction;
import org.infusionwatch.agent.model.AlertChange;
import org.infusionwatch.agent.model.AlertState;

/**
 * The life of each raised alert after the rules raised it: acknowledgement (once, with who),
 * escalation when nobody acknowledged it within {@code escalateAfterMs} of event time, notes, and
 * resolution. Deterministic like the rules: time comes only from inputs and ticks.
 *
 * <p>Owned by the engine thread.
 */
public final class AlertBook {
    private static final String SYSTEM = "system";

    private final long escalateAfterMs;
    private final Map<String, OpenAlert> open = new LinkedHashMap<>();
    private long unknownActions;

    /** State of one alert that is not resolved. */
    private static final class OpenAlert {
        final Alert alert;
        boolean acknowledged;
        boolean escalated;

        OpenAlert(Alert alert) {
            this.alert = alert;
        }
    }

    public AlertBook(long escalateAfterMs) {
        this.escalateAfterMs = escalateAfterMs;
    }

    /** Takes note of the alerts the rules just raised (other notices pass by). */
    public void track(List<AgentNotice> notices) {
        for (int i = 0; i < notices.size(); i++) {
            if (notices.get(i) instanceof Alert a && a.state() == AlertState.RAISED) {
                open.putIfAbsent(a.alertId(), new OpenAlert(a));
            }
        }
    }

    /** Applies a person's action; an action on an unknown or resolved alert changes nothing. */
    public void onAction(AlertAction action, List<AgentNotice> out) {
        OpenAlert a = open.get(action.alertId());
        if (a == null) {
            unknownActions++;
            return;
        }
        switch (action.action()) {
            case ACKNOWLEDGE -> {
                if (!a.acknowledged) {
                    a.acknowledged = true;
                    out.add(change(a, AlertState.ACKNOWLEDGED, action.timeMs(), action.by(), action.note()));
                }
            }
            case ANNOTATE -> out.add(change(a, AlertState.ANNOTATED, action.timeMs(), action.by(), action.note()));
            case RESOLVE -> {
                open.remove(action.alertId());
                out.add(change(a, AlertState.RESOLVED, action.timeMs(), action.by(), action.note()));
            }
            default -> throw new IllegalArgumentException("unknown action " + action.action());
        }
    }

    /** Escalates every open alert nobody acknowledged in time. */
    public void onTime(long nowMs, List<AgentNotice> out) {
        for (OpenAlert a : open.values()) {
            if (!a.acknowledged && !a.escalated && nowMs - a.alert.raisedMs() >= escalateAfterMs) {
                a.escalated = true;
                out.add(change(a, AlertState.ESCALATED, a.alert.raisedMs() + escalateAfterMs, SYSTEM,
                        "not acknowledged within " + escalateAfterMs / 60_000 + " min"));
            }
        }
    }

    /** Actions that named no open alert, since start. */
    public long unknownActions() {
        return unknownActions;
    }

    private static AlertChange change(OpenAlert a, AlertState state, long timeMs, String by, String note) {
        Alert r = a.alert;
        return new AlertChange(r.alertId(), r.bed(), r.patient(), r.infusionId(), r.event(), state, timeMs, r.onsetMs(),
                by, note == null ? "" : note, r.protocolName(), r.protocolHash());
    }
}
