package org.infusionwatch.gateway.mqtt;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.time.format.DateTimeParseException;

/**
 * A {@code time} field of an observation payload as read: absent (missing or {@code null}), an
 * instant in epoch milliseconds, or something that is neither. Checked only when asked, because
 * the decoder reports problems in the order the fields are checked, not the order they arrive.
 *
 * <p>Mutable, reused field after field and payload after payload by one reader; not thread-safe.
 */
final class TimeField {
    private enum State { ABSENT, READ, UNREADABLE }

    private State state = State.ABSENT;
    private long millis;

    void clear() {
        state = State.ABSENT;
    }

    /**
     * Reads the value at the parser's current token: an integer is epoch milliseconds, a string an
     * ISO-8601 instant ({@link IsoInstants}, read in the parser's buffer), anything else unreadable
     * (a fraction such as {@code 1.5} too: the tree decoder tried its text "1.5" as an instant).
     * An instant beyond a {@code long} of milliseconds is unreadable as well; the tree decoder let
     * that {@code ArithmeticException} escape instead.
     */
    void read(JsonParser p) throws IOException {
        JsonToken token = p.currentToken();
        if (token == JsonToken.VALUE_NULL) {
            state = State.ABSENT;
        } else if (token == JsonToken.VALUE_NUMBER_INT) {
            millis = TreeLikeTokens.asLong(p);
            state = State.READ;
        } else if (token == JsonToken.VALUE_STRING) {
            try {
                millis = IsoInstants.toEpochMilli(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
                state = State.READ;
            } catch (DateTimeParseException | ArithmeticException e) {
                state = State.UNREADABLE;
            }
        } else {
            TreeLikeTokens.skipValue(p);
            state = State.UNREADABLE;
        }
    }

    boolean isAbsent() {
        return state == State.ABSENT;
    }

    boolean isRead() {
        return state == State.READ;
    }

    /** The instant read; meaningful only when {@link #isRead()}. */
    long millis() {
        return millis;
    }

    /** The instant; the field must be there and readable. */
    long required(String field) throws PayloadException {
        if (state == State.ABSENT) {
            throw new PayloadException("field '" + field + "' is missing");
        }
        return orElse(field, 0);
    }

    /** The instant, or {@code fallback} when the field is absent; refused when it is there but unreadable. */
    long orElse(String field, long fallback) throws PayloadException {
        return switch (state) {
            case ABSENT -> fallback;
            case READ -> millis;
            case UNREADABLE -> throw new PayloadException(
                    "field '" + field + "' is not an ISO-8601 instant or epoch milliseconds");
        };
    }
}
