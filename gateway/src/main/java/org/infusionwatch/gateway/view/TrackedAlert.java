package org.infusionwatch.gateway.view;

import java.util.ArrayList;
import java.util.List;
import org.infusionwatch.agent.model.Alert;
import org.infusionwatch.agent.model.AlertChange;
import org.infusionwatch.gateway.AlertWording;

/**
 * One alert's life as the ward view knows it: raised, then acknowledged, escalated, annotated or
 * resolved. Applying the same change twice changes nothing, since a notice can be seen again
 * after a restart. Not thread-safe: owned by the ward view's thread.
 */
final class TrackedAlert {
    final Alert alert;
    final String explanation;
    String acknowledgedBy;
    String acknowledgedNote = "";
    long acknowledgedMs;
    long escalatedMs;
    boolean resolved;
    final List<WardSnapshot.Note> notes = new ArrayList<>();

    TrackedAlert(Alert alert) {
        this.alert = alert;
        this.explanation = AlertWording.evidence(alert.event(), alert.evidence());
    }

    /** @return true when the alert changed */
    boolean apply(AlertChange c) {
        switch (c.state()) {
            case ACKNOWLEDGED -> {
                if (acknowledgedBy != null) {
                    return false;
                }
                acknowledgedBy = c.by();
                acknowledgedNote = c.note();
                acknowledgedMs = c.timeMs();
            }
            case ESCALATED -> {
                if (escalatedMs != 0) {
                    return false;
                }
                escalatedMs = c.timeMs();
            }
            case ANNOTATED -> {
                WardSnapshot.Note note = new WardSnapshot.Note(c.by(), c.note(), c.timeMs());
                if (notes.contains(note)) {
                    return false;
                }
                notes.add(note);
            }
            case RESOLVED -> {
                if (resolved) {
                    return false;
                }
                resolved = true;
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    boolean acknowledged() {
        return acknowledgedBy != null;
    }

    String state() {
        if (resolved) {
            return "RESOLVED";
        }
        if (acknowledged()) {
            return "ACKNOWLEDGED";
        }
        return escalatedMs != 0 ? "ESCALATED" : "RAISED";
    }

    WardSnapshot.AlertItem snapshot(long nowMs) {
        Alert a = alert;
        return new WardSnapshot.AlertItem(a.alertId(), a.bed().key(), a.bed().unit(), a.bed().bed(), a.patient(),
                a.infusionId(), a.event().name(), AlertWording.eventName(a.event()), a.event().isProtocolEvent(),
                a.priority().name(), state(), acknowledged(), escalatedMs != 0, resolved, a.onsetMs(), a.raisedMs(),
                Math.max(0, nowMs - a.raisedMs()), explanation, acknowledgedBy, acknowledgedNote, acknowledgedMs,
                escalatedMs, List.copyOf(notes));
    }
}
