package org.infusionwatch.gateway.mqtt;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import org.infusionwatch.agent.model.Observation;
import org.infusionwatch.agent.model.ObservationKind;

/**
 * The fields of one element of a payload's {@code obs} array, read from the stream and turned into
 * an {@link Observation} once the element is complete: a later duplicate key replaces an earlier
 * one (as in a Jackson tree), and the checks run in the tree decoder's order whatever the order of
 * the keys. Unknown keys are skipped.
 *
 * <p>Reused element after element and payload after payload by one reader; not thread-safe.
 */
final class ObservationFields {
    private int code;
    private String refId;
    private boolean hasValue;
    private double value;
    private String text;
    private ObservationKind kind;
    private boolean unknownKind;
    private String unit;
    private final TimeField time = new TimeField();
    private final RecentTexts texts;

    /** @param texts where repeated texts (reference ids, units, text values) are taken from */
    ObservationFields(RecentTexts texts) {
        this.texts = texts;
    }

    /** Reads the object starting at the parser's current token, up to its end. */
    void read(JsonParser p) throws IOException {
        clear();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            switch (name) {
                case "code" -> code = TreeLikeTokens.asInt(p);
                case "refId" -> refId = TreeLikeTokens.asText(p, texts);
                case "value" -> readValue(p);
                case "kind" -> readKind(p);
                case "unit" -> unit = TreeLikeTokens.asText(p, texts);
                case "time" -> time.read(p);
                default -> TreeLikeTokens.skipValue(p);
            }
        }
    }

    private void clear() {
        code = 0;
        refId = null;
        hasValue = false;
        value = Double.NaN;
        text = "";
        kind = ObservationKind.MEASUREMENT;
        unknownKind = false;
        unit = null;
        time.clear();
    }

    /** A number is the value; anything else but {@code null} is text (a boolean as "true", a container as ""). */
    private void readValue(JsonParser p) throws IOException {
        if (TreeLikeTokens.isNumber(p)) {
            hasValue = true;
            value = TreeLikeTokens.asDouble(p);
            text = "";
        } else {
            String asText = TreeLikeTokens.asText(p, texts);
            hasValue = asText != null;
            value = Double.NaN;
            text = asText == null ? "" : asText;
        }
    }

    /**
     * {@code null} means the default, measurement. Only a string can name a kind (no number,
     * boolean or container reads as one of the three words), and it is compared in the parser's
     * buffer rather than copied out.
     */
    private void readKind(JsonParser p) throws IOException {
        unknownKind = false;
        kind = ObservationKind.MEASUREMENT;
        JsonToken token = p.currentToken();
        if (token == JsonToken.VALUE_NULL) {
            return;
        }
        if (token != JsonToken.VALUE_STRING) {
            TreeLikeTokens.skipValue(p);
            unknownKind = true;
        } else if (textIs(p, "setting")) {
            kind = ObservationKind.SETTING;
        } else if (textIs(p, "calculation")) {
            kind = ObservationKind.CALCULATION;
        } else if (!textIs(p, "measurement")) {
            unknownKind = true;
        }
    }

    private static boolean textIs(JsonParser p, String expected) throws IOException {
        char[] chars = p.getTextCharacters();
        int offset = p.getTextOffset();
        int length = p.getTextLength();
        if (length != expected.length()) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (chars[offset + i] != expected.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The observation, checked as the tree decoder checked it: code or reference id, value, kind,
     * then its own time.
     *
     * @param index       the element's place in {@code obs}, for the refusal's wording
     * @param defaultTime the report's time, for an observation without one of its own
     */
    Observation toObservation(int index, long defaultTime, String device) throws PayloadException {
        String reference = refId == null ? "" : refId;
        if (code == 0 && reference.isEmpty()) {
            throw new PayloadException("obs[" + index + "] has neither 'code' nor 'refId'");
        }
        if (!hasValue) {
            throw new PayloadException("obs[" + index + "].value is missing");
        }
        if (unknownKind) {
            throw new PayloadException("obs[" + index + "].kind must be measurement, setting or calculation");
        }
        long timeMs = time.orElse("time", defaultTime);
        return new Observation(code, reference, value, text, unit == null ? "" : unit, 0, kind, timeMs, device);
    }

    /** True when the element had no time of its own (missing or {@code null}) and takes the report's. */
    boolean takesReportTime() {
        return time.isAbsent();
    }
}
