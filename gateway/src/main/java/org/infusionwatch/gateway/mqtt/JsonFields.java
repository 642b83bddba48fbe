package org.infusionwatch.gateway.mqtt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Reading required and optional fields of an MQTT JSON payload, with refusals that name the field. */
final class JsonFields {
    private JsonFields() {
    }

    /** The payload as a JSON object, or a refusal saying it is not one. */
    static JsonNode object(ObjectMapper json, byte[] payload) throws PayloadException {
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

    static String text(JsonNode node, String field) throws PayloadException {
        JsonNode v = node.get(field);
        if (v == null || v.isNull() || !v.isValueNode() || v.asText().isBlank()) {
            throw new PayloadException("field '" + field + "' is missing or empty");
        }
        return v.asText();
    }

    static String optionalText(JsonNode node, String field, String fallback) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? fallback : v.asText();
    }

    static double optionalNumber(JsonNode node, String field) throws PayloadException {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return Double.NaN;
        }
        if (!v.isNumber()) {
            throw new PayloadException("field '" + field + "' must be a number");
        }
        return v.asDouble();
    }

    /** An ISO-8601 instant or epoch milliseconds. */
    static long time(JsonNode node, String field) throws PayloadException {
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

    static long optionalTime(JsonNode node, String field, long fallback) throws PayloadException {
        return node.hasNonNull(field) ? time(node, field) : fallback;
    }
}
