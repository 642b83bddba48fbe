package org.infusionwatch.agent.engine;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The evidence of an alert, in a stable order, with numbers rounded for people (0.4, not
 * 0.39999999999999997) and a one-sentence {@code summary} a nurse can read. Built only when an
 * alert is raised.
 */
final class Evidence {
    private final Map<String, Object> map = new LinkedHashMap<>();

    Evidence summary(String sentence) {
        map.put("summary", sentence);
        return this;
    }

    Evidence put(String key, Object value) {
        map.put(key, value);
        return this;
    }

    /** A decimal rounded to 3 places; NaN is written as "unknown". */
    Evidence number(String key, double value) {
        map.put(key, Double.isNaN(value) ? "unknown" : round(value));
        return this;
    }

    Map<String, Object> map() {
        return map;
    }

    static double round(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return value;
        }
        return BigDecimal.valueOf(value).setScale(3, RoundingMode.HALF_UP).doubleValue();
    }

    /** A number for a sentence: "12", "0.125", "unknown". */
    static String words(double value) {
        if (Double.isNaN(value)) {
            return "unknown";
        }
        BigDecimal d = BigDecimal.valueOf(round(value)).stripTrailingZeros();
        return (d.scale() < 0 ? d.setScale(0) : d).toPlainString();
    }

    static long minutes(long ms) {
        return Math.floorDiv(ms, 60_000L);
    }
}
