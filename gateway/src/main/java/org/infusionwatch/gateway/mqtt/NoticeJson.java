package org.infusionwatch.gateway.mqtt;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.infusionwatch.agent.model.Alert;
import org.infusionwatch.agent.model.AlertChange;
import org.infusionwatch.agent.model.InfusionNotice;

/** JSON bodies of what the gateway publishes (docs/wire-formats.md). Thread-safe. */
public final class NoticeJson {
    private final ObjectMapper json;

    public NoticeJson(ObjectMapper json) {
        this.json = json;
    }

    public byte[] alert(Alert a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("alertId", a.alertId());
        m.put("unit", a.bed().unit());
        m.put("bed", a.bed().bed());
        m.put("patient", a.patient());
        m.put("infusionId", a.infusionId());
        m.put("event", a.event().name());
        m.put("protocolEvent", a.event().isProtocolEvent());
        m.put("priority", a.priority().name());
        m.put("state", a.state().name());
        m.put("onsetTime", Instant.ofEpochMilli(a.onsetMs()).toString());
        m.put("raisedTime", Instant.ofEpochMilli(a.raisedMs()).toString());
        m.put("protocol", a.protocolName());
        m.put("protocolHash", a.protocolHash());
        m.put("evidence", a.evidence());
        return write(m);
    }

    public byte[] alertChange(AlertChange c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("alertId", c.alertId());
        m.put("unit", c.bed().unit());
        m.put("bed", c.bed().bed());
        m.put("patient", c.patient());
        m.put("infusionId", c.infusionId());
        m.put("event", c.event().name());
        m.put("state", c.state().name());
        m.put("time", Instant.ofEpochMilli(c.timeMs()).toString());
        m.put("onsetTime", Instant.ofEpochMilli(c.onsetMs()).toString());
        m.put("by", c.by());
        m.put("note", c.note());
        m.put("protocol", c.protocolName());
        m.put("protocolHash", c.protocolHash());
        return write(m);
    }

    public byte[] infusion(InfusionNotice n) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("unit", n.bed().unit());
        m.put("bed", n.bed().bed());
        m.put("patient", n.patient());
        m.put("infusionId", n.infusionId());
        m.put("change", n.kind().name());
        m.put("time", Instant.ofEpochMilli(n.timeMs()).toString());
        m.put("onsetTime", Instant.ofEpochMilli(n.onsetMs()).toString());
        m.put("protocol", n.protocolName());
        m.put("protocolHash", n.protocolHash());
        return write(m);
    }

    private byte[] write(Map<String, Object> m) {
        try {
            return json.writeValueAsBytes(m);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write notice JSON", e);
        }
    }
}
