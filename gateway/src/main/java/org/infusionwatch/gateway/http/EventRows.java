package org.infusionwatch.gateway.http;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.infusionwatch.agent.eventlog.LoggedEvent;
import org.infusionwatch.agent.model.EventCode;
import org.infusionwatch.gateway.AlertWording;

/**
 * Event-log rows as the coordinator view and the CSV export show them: the columns, plus who,
 * the note, the priority and the row in plain words. Pseudonyms only. Thread-safe.
 */
final class EventRows {
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };
    static final List<String> CSV_COLUMNS = List.of("seq", "time", "unit", "bed", "patient", "infusion_id", "kind",
            "event", "state", "priority", "onset_time", "by", "note", "explanation", "alert_id");

    private final ObjectMapper json;

    EventRows(ObjectMapper json) {
        this.json = json;
    }

    Map<String, Object> toMap(LoggedEvent e) {
        Map<String, Object> payload = payload(e);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("seq", e.seq());
        m.put("kind", e.kind());
        m.put("alertId", e.alertId() == null || e.alertId().isEmpty() ? null : e.alertId());
        m.put("unit", e.unit());
        m.put("bed", e.bed());
        m.put("bedKey", e.unit() + "/" + e.bed());
        m.put("patient", e.patient());
        m.put("infusionId", e.infusionId());
        m.put("code", e.code());
        m.put("eventName", eventName(e));
        m.put("state", e.state());
        m.put("priority", payload.get("priority"));
        m.put("time", Instant.ofEpochMilli(e.eventMs()).toString());
        m.put("timeMs", e.eventMs());
        m.put("onsetTime", Instant.ofEpochMilli(e.onsetMs()).toString());
        m.put("onsetMs", e.onsetMs());
        m.put("by", payload.getOrDefault("by", payload.getOrDefault("source", "")));
        m.put("note", payload.getOrDefault("note", ""));
        m.put("explanation", explain(e, payload));
        return m;
    }

    /** One CSV line (no line end), columns as {@link #CSV_COLUMNS}. */
    String csv(LoggedEvent e) {
        Map<String, Object> m = toMap(e);
        return String.join(",", List.of(cell(e.seq()), cell(m.get("time")), cell(e.unit()), cell(e.bed()),
                cell(e.patient()), cell(e.infusionId()), cell(e.kind()), cell(e.code()), cell(e.state()),
                cell(m.get("priority")), cell(m.get("onsetTime")), cell(m.get("by")), cell(m.get("note")),
                cell(m.get("explanation")), cell(m.get("alertId"))));
    }

    Map<String, Object> payload(LoggedEvent e) {
        try {
            return json.readValue(e.payload(), MAP);
        } catch (IOException ex) {
            return Map.of();
        }
    }

    private static String eventName(LoggedEvent e) {
        if (!e.isAlert()) {
            return switch (e.state()) {
                case "OPENED" -> "Study infusion started (T0)";
                case "RESUMED" -> "Study infusion resumed";
                case "COMPLETED" -> "Study infusion delivery complete";
                case "WINDOW_CLOSED" -> "6 h window closed";
                default -> e.code();
            };
        }
        try {
            return AlertWording.eventName(EventCode.valueOf(e.code()));
        } catch (IllegalArgumentException ex) {
            return e.code();
        }
    }

    private static String explain(LoggedEvent e, Map<String, Object> payload) {
        if (!e.isAlert()) {
            return e.state().equals("OPENED") ? "T0 of this infusion; its 6 h and 24 h windows start"
                    : AlertWording.duration(e.eventMs() - e.onsetMs()) + " after T0";
        }
        switch (e.state()) {
            case "RAISED" -> {
                try {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> evidence = payload.get("evidence") instanceof Map<?, ?> ev
                            ? (Map<String, Object>) ev : Map.of();
                    return AlertWording.evidence(EventCode.valueOf(e.code()), evidence);
                } catch (IllegalArgumentException ex) {
                    return String.valueOf(payload.get("evidence"));
                }
            }
            case "ESCALATED" -> {
                return "Escalated: " + payload.getOrDefault("note", "not acknowledged in time");
            }
            default -> {
                String note = String.valueOf(payload.getOrDefault("note", ""));
                String what = e.state().charAt(0) + e.state().substring(1).toLowerCase(java.util.Locale.ROOT);
                return what + " by " + payload.getOrDefault("by", "?") + (note.isEmpty() ? "" : ": " + note);
            }
        }
    }

    /** A CSV cell: quoted when needed, and a leading = + - @ defused so a spreadsheet shows it as text. */
    static String cell(Object value) {
        String s = value == null ? "" : String.valueOf(value);
        if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0 && !(value instanceof Number)) {
            s = "'" + s;
        }
        if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
            s = "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }
}
