package org.infusionwatch.gateway.mqtt;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import org.infusionwatch.agent.model.PumpEvent;

/**
 * The fields of a payload's {@code event}, read from the stream and turned into a {@link PumpEvent}
 * once the whole payload is read (its default time is the report's, which may come later). A value
 * that is not an object has no fields, so it is refused for having neither code nor reference id,
 * as the tree decoder refused it.
 *
 * <p>Reused payload after payload by one reader; not thread-safe.
 */
final class PumpEventFields {
    private int code;
    private String refId;
    private String drug;
    private final NumberField rateMlPerHour = new NumberField();
    private final NumberField concentration = new NumberField();
    private String concentrationUnit;
    private final NumberField weightKg = new NumberField();
    private final TimeField time = new TimeField();
    private final RecentTexts texts;

    /** @param texts where repeated texts (reference id, drug label, unit) are taken from */
    PumpEventFields(RecentTexts texts) {
        this.texts = texts;
    }

    /** Reads the value at the parser's current token (not {@code null}), up to its end. */
    void read(JsonParser p) throws IOException {
        clear();
        if (p.currentToken() != JsonToken.START_OBJECT) {
            TreeLikeTokens.skipValue(p);
            return;
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            switch (name) {
                case "code" -> code = TreeLikeTokens.asInt(p);
                case "refId" -> refId = TreeLikeTokens.asText(p, texts);
                case "drug" -> drug = TreeLikeTokens.asText(p, texts);
                case "rateMlPerHour" -> rateMlPerHour.read(p);
                case "concentration" -> concentration.read(p);
                case "concentrationUnit" -> concentrationUnit = TreeLikeTokens.asText(p, texts);
                case "weightKg" -> weightKg.read(p);
                case "time" -> time.read(p);
                default -> TreeLikeTokens.skipValue(p);
            }
        }
    }

    private void clear() {
        code = 0;
        refId = null;
        drug = null;
        rateMlPerHour.clear();
        concentration.clear();
        concentrationUnit = null;
        weightKg.clear();
        time.clear();
    }

    /**
     * The event, checked in the tree decoder's order: code or reference id, rate, concentration,
     * weight, time. A device that sends code 0 with the completion's reference id gets its code.
     */
    PumpEvent toPumpEvent(long reportTime) throws PayloadException {
        String reference = orEmpty(refId);
        int eventCode = code;
        if (eventCode == 0 && reference.isEmpty()) {
            throw new PayloadException("event has neither 'code' nor 'refId'");
        }
        if (eventCode == 0 && reference.equals("MDC_EVT_PUMP_DELIV_COMP")) {
            eventCode = PumpEvent.MDC_EVT_PUMP_DELIV_COMP;
        }
        double rate = rateMlPerHour.get("rateMlPerHour");
        double drugConcentration = concentration.get("concentration");
        double weight = weightKg.get("weightKg");
        long timeMs = time.orElse("time", reportTime);
        return new PumpEvent(eventCode, reference, orEmpty(drug), rate, drugConcentration, orEmpty(concentrationUnit),
                weight, timeMs);
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }
}
