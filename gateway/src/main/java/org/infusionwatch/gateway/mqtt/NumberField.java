package org.infusionwatch.gateway.mqtt;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/**
 * An optional number field of a pump event as read: absent ({@code NaN}), a number, or some other
 * value, which is refused only when the event is checked, in the decoder's order of checks.
 *
 * <p>Mutable, reused by one reader; not thread-safe.
 */
final class NumberField {
    private double value = Double.NaN;
    private boolean notANumber;

    void clear() {
        value = Double.NaN;
        notANumber = false;
    }

    void read(JsonParser p) throws IOException {
        clear();
        if (TreeLikeTokens.isNumber(p)) {
            value = TreeLikeTokens.asDouble(p);
        } else if (p.currentToken() != JsonToken.VALUE_NULL) {
            TreeLikeTokens.skipValue(p);
            notANumber = true;
        }
    }

    /** The number, {@code NaN} when absent; refused when the field holds something else. */
    double get(String field) throws PayloadException {
        if (notANumber) {
            throw new PayloadException("field '" + field + "' must be a number");
        }
        return value;
    }
}
