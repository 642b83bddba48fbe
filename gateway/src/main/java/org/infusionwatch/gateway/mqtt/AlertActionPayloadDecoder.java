package org.infusionwatch.gateway.mqtt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Locale;
import org.infusionwatch.agent.model.AlertAction;
import org.infusionwatch.agent.model.BedRef;

/** Reads a person's action on an alert from {@code icu/{unit}/{bed}/alert-actions} (docs/wire-formats.md). Thread-safe. */
public final class AlertActionPayloadDecoder {
    private final ObjectMapper json;

    public AlertActionPayloadDecoder(ObjectMapper json) {
        this.json = json;
    }

    public AlertAction decode(String topic, byte[] payload) throws PayloadException {
        String[] t = Topics.levels(topic, 4, "alert-actions");
        JsonNode root = JsonFields.object(json, payload);
        AlertAction.Action action;
        try {
            action = AlertAction.Action.valueOf(JsonFields.text(root, "action").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new PayloadException("field 'action' must be ACKNOWLEDGE, ANNOTATE or RESOLVE");
        }
        return new AlertAction(JsonFields.text(root, "actionId"), JsonFields.text(root, "alertId"),
                new BedRef(t[1], t[2]), action, JsonFields.time(root, "time"), JsonFields.text(root, "by"),
                JsonFields.optionalText(root, "note", ""));
    }
}
