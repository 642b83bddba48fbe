package org.infusionwatch.gateway.mqtt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.infusionwatch.agent.model.BedRef;
import org.infusionwatch.agent.model.DeviceReport;
import org.infusionwatch.agent.model.Observation;
import org.infusionwatch.agent.model.ObservationKind;
import org.infusionwatch.agent.model.PumpEvent;
import org.infusionwatch.agent.model.ReportKind;

/**
 * Reads a device's JSON report from {@code icu/{unit}/{bed}/{device}/obs} (schema in
 * docs/wire-formats.md) into the same {@link DeviceReport} an HL7 message gives. Thread-safe.
 */
public final class ObservationPayloadDecoder {
    private final ObjectMapper json;

    public ObservationPayloadDecoder(ObjectMapper json) {
        this.json = json;
    }

    public DeviceReport decode(String topic, byte[] payload) throws PayloadException {
        String[] t = Topics.levels(topic, 5, "obs");
        BedRef bed = new BedRef(t[1], t[2]);
        String device = t[3];
        JsonNode root = JsonFields.object(json, payload);
        String msgId = JsonFields.text(root, "msgId");
        long time = JsonFields.time(root, "time");
        List<Observation> observations = new ArrayList<>();
        JsonNode obs = root.get("obs");
        if (obs != null && !obs.isNull()) {
            if (!obs.isArray()) {
                throw new PayloadException("field 'obs' must be an array");
            }
            for (int i = 0; i < obs.size(); i++) {
                observations.add(observation(obs.get(i), i, time, device));
            }
        }
        PumpEvent event = root.hasNonNull("event") ? pumpEvent(root.get("event"), time) : null;
        if (observations.isEmpty() && event == null) {
            throw new PayloadException("payload has neither 'obs' nor 'event'");
        }
        ReportKind kind = event != null ? ReportKind.PUMP_EVENT : ReportKind.OBSERVATIONS;
        return new DeviceReport(msgId, kind, bed, device, time, observations, event);
    }

    private static Observation observation(JsonNode o, int index, long defaultTime, String device) throws PayloadException {
        if (!o.isObject()) {
            throw new PayloadException("obs[" + index + "] is not an object");
        }
        int code = o.path("code").asInt(0);
        String refId = JsonFields.optionalText(o, "refId", "");
        if (code == 0 && refId.isEmpty()) {
            throw new PayloadException("obs[" + index + "] has neither 'code' nor 'refId'");
        }
        JsonNode v = o.get("value");
        if (v == null || v.isNull()) {
            throw new PayloadException("obs[" + index + "].value is missing");
        }
        double value = v.isNumber() ? v.asDouble() : Double.NaN;
        String text = v.isNumber() ? "" : v.asText();
        ObservationKind kind = switch (JsonFields.optionalText(o, "kind", "measurement")) {
            case "setting" -> ObservationKind.SETTING;
            case "calculation" -> ObservationKind.CALCULATION;
            case "measurement" -> ObservationKind.MEASUREMENT;
            default -> throw new PayloadException("obs[" + index + "].kind must be measurement, setting or calculation");
        };
        long time = JsonFields.optionalTime(o, "time", defaultTime);
        return new Observation(code, refId, value, text, JsonFields.optionalText(o, "unit", ""), 0, kind, time, device);
    }

    private static PumpEvent pumpEvent(JsonNode e, long time) throws PayloadException {
        int code = e.path("code").asInt(0);
        String refId = JsonFields.optionalText(e, "refId", "");
        if (code == 0 && refId.isEmpty()) {
            throw new PayloadException("event has neither 'code' nor 'refId'");
        }
        if (code == 0 && refId.equals("MDC_EVT_PUMP_DELIV_COMP")) {
            code = PumpEvent.MDC_EVT_PUMP_DELIV_COMP;
        }
        return new PumpEvent(code, refId, JsonFields.optionalText(e, "drug", ""),
                JsonFields.optionalNumber(e, "rateMlPerHour"), JsonFields.optionalNumber(e, "concentration"),
                JsonFields.optionalText(e, "concentrationUnit", ""), JsonFields.optionalNumber(e, "weightKg"),
                JsonFields.optionalTime(e, "time", time));
    }
}
