package org.infusionwatch.gateway;

import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import org.infusionwatch.agent.model.EventCode;

/**
 * Alerts in plain words, the same on the console, the nurse station and in the coordinator's
 * event log: what happened ("Worsening hypoxemia") and its evidence ("FiO2 0.40 → 0.70 and PEEP
 * 8 → 14 cmH2O, 2 h 05 min after onset, held 15 min"). Evidence maps may come straight from the
 * engine or back from the event log's JSON, so numbers are read as {@link Number}. Stateless and
 * thread-safe.
 */
public final class AlertWording {
    private AlertWording() {
    }

    /** A short name of the event for people. */
    public static String eventName(EventCode event) {
        return switch (event.name()) {
            case "VASOPRESSOR_ESCALATION" -> "Vasopressor escalation";
            case "HYPOXEMIA_WORSENING" -> "Worsening hypoxemia";
            case "INTUBATION_AFTER_HIGH_FLOW" -> "Intubation after high-flow oxygen";
            case "LETHAL_ARRHYTHMIA" -> "Lethal arrhythmia";
            case "ARRHYTHMIA_CARDIOVERSION" -> "Arrhythmia needing cardioversion";
            case "TRANSFUSION_REACTION" -> "Transfusion reaction";
            case "CARDIAC_ARREST" -> "Cardiac arrest";
            case "DEATH" -> "Death";
            case "SIGNAL_LOSS" -> "Signal loss";
            case "EARLY_WARNING_DESATURATION" -> "Early warning: desaturation";
            case "EARLY_WARNING_HYPOTENSION" -> "Early warning: hypotension";
            case "EARLY_WARNING_HEART_RATE" -> "Early warning: heart rate";
            default -> humanize(event.name());
        };
    }

    /** The evidence of an alert in one sentence. */
    public static String evidence(EventCode event, Map<String, Object> e) {
        if (event == EventCode.HYPOXEMIA_WORSENING && e.get("fio2") instanceof Number && e.get("peep") instanceof Number) {
            return "FiO2 %s → %s and PEEP %s → %s cmH2O, %s after onset%s".formatted(
                    fraction(e.get("fio2Baseline")), fraction(e.get("fio2")), number(e.get("peepBaseline")),
                    number(e.get("peep")), minutesAfterOnset(e),
                    e.get("heldMinutes") instanceof Number held ? ", held " + held.longValue() + " min" : "");
        }
        if (e.get("summary") instanceof String summary && !summary.isBlank()) {
            return summary;
        }
        StringJoiner words = new StringJoiner(", ");
        e.forEach((key, value) -> {
            if (!key.equals("minutesAfterOnset")) {
                words.add(humanize(key) + " " + number(value));
            }
        });
        if (e.get("minutesAfterOnset") instanceof Number) {
            words.add(minutesAfterOnset(e) + " after onset");
        }
        return words.toString();
    }

    /** {@code 2 h 05 min}. */
    public static String duration(long ms) {
        long minutes = Math.floorDiv(ms, 60_000L);
        String sign = minutes < 0 ? "-" : "";
        minutes = Math.abs(minutes);
        return "%s%d h %02d min".formatted(sign, minutes / 60, minutes % 60);
    }

    /** A number as people write it: {@code 14}, not {@code 14.0}; anything else as text. */
    public static String number(Object v) {
        if (v instanceof Double d && !d.isNaN() && !d.isInfinite() && d == Math.rint(d)) {
            return Long.toString(d.longValue());
        }
        if (v instanceof Double d && d.isNaN()) {
            return "unknown";
        }
        return String.valueOf(v);
    }

    private static String fraction(Object v) {
        if (v instanceof Number n && !Double.isNaN(n.doubleValue())) {
            return String.format(Locale.ROOT, "%.2f", n.doubleValue());
        }
        return "unknown";
    }

    private static String minutesAfterOnset(Map<String, Object> e) {
        return e.get("minutesAfterOnset") instanceof Number n ? duration(n.longValue() * 60_000L) : "?";
    }

    private static String humanize(String name) {
        String spaced = name.replace('_', ' ').replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
        return spaced.isEmpty() ? spaced : Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }
}
