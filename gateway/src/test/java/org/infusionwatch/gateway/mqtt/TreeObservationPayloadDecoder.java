package org.infusionwatch.gateway.mqtt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.infusionwatch.agent.model.BedRef;
import org.infusionwatch.agent.model.DeviceReport;
import org.infusionwatch.agent.model.Observation;
import org.infusionwatch.agent.model.ObservationKind;
import org.infusionwatch.agent.model.PumpEvent;
import org.infusionwatch.agent.model.ReportKind;

/**
 * The reference for {@link ObservationPayloadDecoder}: the decoder as it was before it streamed,
 * building a {@code JsonNode} tree per payload and reading times with {@code Instant.parse}.
 * The {@code JsonFields} helpers it used are copied in, so later changes to them cannot move the
 * reference. Test code only; ObservationPayloadDecoderDifferentialTest compares the two.
 */
final class TreeObservationPayloadDecoder {
    private final ObjectMapper json;

    TreeObservationPayloadDecoder(ObjectMapper json) {
        this.json = json;
    }

    DeviceReport decode(String topic, byte[] payload) throws PayloadException {
        String[] t = Topics.levels(topic, 5, "obs");
        BedRef bed = new BedRef(t[1], t[2]);
        String device = t[3];
        JsonNode root = object(json, payload);
        String msgId = text(root, "msgId");
        long time = time(root, "time");
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
        String refId = optionalText(o, "refId", "");
        if (code == 0 && refId.isEmpty()) {
            throw new PayloadException("obs[" + index + "] has neither 'code' nor 'refId'");
        }
        JsonNode v = o.get("value");
        if (v == null || v.isNull()) {
            throw new PayloadException("obs[" + index + "].value is missing");
        }
        double value = v.isNumber() ? v.asDouble() : Double.NaN;
        String text = v.isNumber() ? "" : v.asText();
        ObservationKind kind = switch (optionalText(o, "kind", "measurement")) {
            case "setting" -> ObservationKind.SETTING;
            case "calculation" -> ObservationKind.CALCULATION;
            case "measurement" -> ObservationKind.MEASUREMENT;
            default -> throw new PayloadException("obs[" + index + "].kind must be measurement, setting or calculation");
        };
        long time = optionalTime(o, "time", defaultTime);
        return new Observation(code, refId, value, text, optionalText(o, "unit", ""), 0, kind, time, device);
    }

    private static PumpEvent pumpEvent(JsonNode e, long time) throws PayloadException {
        int code = e.path("code").asInt(0);
        String refId = optionalText(e, "refId", "");
        if (code == 0 && refId.isEmpty()) {
            throw new PayloadException("event has neither 'code' nor 'refId'");
        }
        if (code == 0 && refId.equals("MDC_EVT_PUMP_DELIV_COMP")) {
            code = PumpEvent.MDC_EVT_PUMP_DELIV_COMP;
        }
        return new PumpEvent(code, refId, optionalText(e, "drug", ""),
                optionalNumber(e, "rateMlPerHour"), optionalNumber(e, "concentration"),
                optionalText(e, "concentrationUnit", ""), optionalNumber(e, "weightKg"),
                optionalTime(e, "time", time));
    }

    // What follows is JsonFields as the tree decoder used it.

    private static JsonNode object(ObjectMapper json, byte[] payload) throws PayloadException {
        JsonNode root;
        try {
            root = json.readTree(payload);
        } catch (IOException e) {
            throw new PayloadException("payload is not valid JSON");
        }
        if (root == null || !root.isObject()) {
            throw new PayloadException("payload is not a JSON object");
        }
        return root;
    }

    private static String text(JsonNode node, String field) throws PayloadException {
        JsonNode v = node.get(field);
        if (v == null || v.isNull() || !v.isValueNode() || v.asText().isBlank()) {
            throw new PayloadException("field '" + field + "' is missing or empty");
        }
        return v.asText();
    }

    private static String optionalText(JsonNode node, String field, String fallback) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? fallback : v.asText();
    }

    private static double optionalNumber(JsonNode node, String field) throws PayloadException {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return Double.NaN;
        }
        if (!v.isNumber()) {
            throw new PayloadException("field '" + field + "' must be a number");
        }
        return v.asDouble();
    }

    private static long time(JsonNode node, String field) throws PayloadException {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            throw new PayloadException("field '" + field + "' is missing");
        }
        if (v.isIntegralNumber()) {
            return v.asLong();
        }
        try {
            return Instant.parse(v.asText()).toEpochMilli();
        } catch (DateTimeParseException e) {
            throw new PayloadException("field '" + field + "' is not an ISO-8601 instant or epoch milliseconds");
        }
    }

    private static long optionalTime(JsonNode node, String field, long fallback) throws PayloadException {
        return node.hasNonNull(field) ? time(node, field) : fallback;
    }
}
