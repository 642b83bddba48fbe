package org.infusionwatch.gateway.mqtt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Locale;
import org.infusionwatch.agent.model.BedRef;
import org.infusionwatch.agent.model.ClinicianEntry;

/** Reads a clinician entry from {@code icu/{unit}/{bed}/entries} (docs/wire-formats.md). Thread-safe. */
public final class EntryPayloadDecoder {
    private final ObjectMapper json;

    public EntryPayloadDecoder(ObjectMapper json) {
        this.json = json;
    }

    public ClinicianEntry decode(String topic, byte[] payload) throws PayloadException {
        String[] t = Topics.levels(topic, 4, "entries");
        JsonNode root = JsonFields.object(json, payload);
        ClinicianEntry.Type type;
        String typeText = JsonFields.text(root, "type");
        try {
            type = ClinicianEntry.Type.valueOf(typeText.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new PayloadException("field 'type' is not a known entry type");
        }
        return new ClinicianEntry(JsonFields.text(root, "entryId"), new BedRef(t[1], t[2]), type,
                JsonFields.time(root, "time"), JsonFields.text(root, "by"), JsonFields.optionalText(root, "note", ""));
    }
}
