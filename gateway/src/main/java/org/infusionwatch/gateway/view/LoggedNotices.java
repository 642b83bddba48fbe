package org.infusionwatch.gateway.view;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Map;
import org.infusionwatch.agent.eventlog.LoggedEvent;
import org.infusionwatch.agent.model.AgentNotice;
import org.infusionwatch.agent.model.Alert;
import org.infusionwatch.agent.model.AlertChange;
import org.infusionwatch.agent.model.AlertState;
import org.infusionwatch.agent.model.BedRef;
import org.infusionwatch.agent.model.EventCode;
import org.infusionwatch.agent.model.InfusionNotice;
import org.infusionwatch.agent.model.Priority;

/**
 * Turns event-log rows back into the notices they record, so the ward view can start from what
 * the log already holds (the pipeline does not hand already-logged notices to its sinks again
 * after a restart). Stateless apart from its JSON reader; thread-safe.
 */
public final class LoggedNotices {
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };
    private final ObjectMapper json;

    public LoggedNotices(ObjectMapper json) {
        this.json = json;
    }

    /** The notice a row records, or null for a row this version cannot read (an unknown code). */
    public AgentNotice toNotice(LoggedEvent row) {
        try {
            Map<String, Object> payload = json.readValue(row.payload(), MAP);
            BedRef bed = new BedRef(row.unit(), row.bed());
            if ("INFUSION".equals(row.kind())) {
                return new InfusionNotice(bed, row.patient(), row.infusionId(), InfusionNotice.Kind.valueOf(row.state()),
                        row.eventMs(), row.onsetMs(), String.valueOf(payload.getOrDefault("source", "")),
                        String.valueOf(payload.getOrDefault("protocol", "")),
                        String.valueOf(payload.getOrDefault("protocolHash", "")));
            }
            EventCode code = EventCode.valueOf(row.code());
            AlertState state = AlertState.valueOf(row.state());
            if (state == AlertState.RAISED) {
                @SuppressWarnings("unchecked")
                Map<String, Object> evidence = payload.get("evidence") instanceof Map<?, ?> m
                        ? (Map<String, Object>) m : Map.of();
                return new Alert(row.alertId(), bed, row.patient(), row.infusionId(), code,
                        Priority.valueOf(String.valueOf(payload.get("priority"))), state, row.onsetMs(), row.eventMs(),
                        String.valueOf(payload.getOrDefault("protocol", "")),
                        String.valueOf(payload.getOrDefault("protocolHash", "")), evidence);
            }
            return new AlertChange(row.alertId(), bed, row.patient(), row.infusionId(), code, state, row.eventMs(),
                    row.onsetMs(), String.valueOf(payload.getOrDefault("by", "")),
                    String.valueOf(payload.getOrDefault("note", "")),
                    String.valueOf(payload.getOrDefault("protocol", "")),
                    String.valueOf(payload.getOrDefault("protocolHash", "")));
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
    }
}
